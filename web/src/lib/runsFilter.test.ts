import { describe, expect, it } from 'vitest'
import { queryFromRunsView, runsViewFromQuery } from './runsFilter'

describe('runs filter in the URL', () => {
  it('reads every filter the runs API knows and writes it back the same', () => {
    const query = { jobId: '3', status: 'FAILED', nodeId: '12', user: 'alice', from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z', page: '2' }
    const view = runsViewFromQuery(query)
    expect(view).toEqual({ filter: { jobId: 3, status: 'FAILED', nodeId: 12, user: 'alice', from: query.from, to: query.to }, page: 2 })
    expect(queryFromRunsView(view)).toEqual(query)
  })

  it('drops what is not a valid value instead of sending it to the server', () => {
    const view = runsViewFromQuery({ jobId: 'x', status: 'DONE', from: 'yesterday', user: '  ', page: '0' })
    expect(view).toEqual({ filter: { jobId: undefined, status: undefined, nodeId: undefined, user: undefined, from: undefined, to: undefined }, page: 1 })
    expect(queryFromRunsView(view)).toEqual({})
  })
})
