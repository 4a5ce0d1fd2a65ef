import { describe, expect, it } from 'vitest'
import type { JobParameter } from '../api/types'
import { batchCount, looksSecret, newStartForm, parseLabels, startRequest, startSummary } from './startOptions'

const parameters: JobParameter[] = [
  { name: 'driver_version', type: 'STRING', required: true },
  { name: 'gpu_count', type: 'INT', required: false, defaultValue: 8 },
  { name: 'reboot', type: 'BOOL', required: false },
  { name: 'profile', type: 'CHOICE', required: false, choices: ['fast', 'full'] },
]

describe('start options', () => {
  it('a plain start sends nothing but what was asked', () => {
    expect(startRequest(newStartForm(), [])).toEqual({ request: {}, problems: {} })
  })

  it('starts with the declared defaults and types each variable', () => {
    const form = newStartForm(parameters)
    expect(form.extraVars).toEqual({ driver_version: '', gpu_count: '8', reboot: false, profile: '' })
    form.extraVars.driver_version = '550.54'
    form.extraVars.reboot = true
    form.extraVars.profile = 'full'
    const { request, problems } = startRequest(form, parameters)
    expect(problems).toEqual({})
    expect(request.extraVars).toEqual({ driver_version: '550.54', gpu_count: 8, reboot: true, profile: 'full' })
  })

  it('names each variable that must be fixed, as the server names it', () => {
    const form = newStartForm(parameters)
    form.extraVars.gpu_count = 'eight'
    form.extraVars.profile = 'slow'
    expect(startRequest(form, parameters).problems).toEqual({
      'extraVars.driver_version': 'required', 'extraVars.gpu_count': 'notInteger', 'extraVars.profile': 'notAChoice',
    })
  })

  it('sends limit and exclude by nodes, pools and labels, check mode, batch size and skip-locked', () => {
    const form = newStartForm()
    form.limit = { nodeIds: [3, 4], poolIds: [2], labels: 'rack=r1, row=2' }
    form.exclude = { nodeIds: [4], poolIds: [], labels: '' }
    form.checkMode = true
    form.batchSize = 10
    form.skipLocked = true
    expect(startRequest(form).request).toEqual({
      limit: { nodeIds: [3, 4], poolIds: [2], labels: { rack: 'r1', row: '2' } },
      exclude: { nodeIds: [4] },
      checkMode: true, batchSize: 10, skipLocked: true,
    })
  })

  it('refuses labels that are not key=value', () => {
    expect(parseLabels('rack=r1 row')).toBeNull()
    expect(parseLabels('=x')).toBeNull()
    expect(parseLabels('')).toEqual({})
    const form = newStartForm()
    form.exclude.labels = 'rack'
    expect(startRequest(form).problems).toEqual({ 'exclude.labels': 'labels' })
  })

  it('summarises how many nodes run, and whether locked ones refuse the start', () => {
    const preview = { nodes: [], total: 5, runnable: 3, locked: 2 }
    expect(startSummary(preview, false)).toEqual({ runs: 5, locked: 2, refused: true })
    expect(startSummary(preview, true)).toEqual({ runs: 3, locked: 2, refused: false })
    expect(batchCount(5, 2)).toBe(3)
    expect(batchCount(5)).toBe(1)
    expect(batchCount(0)).toBe(0)
  })

  it('masks secret-looking parameters', () => {
    expect(looksSecret('db_password')).toBe(true)
    expect(looksSecret('api_token')).toBe(true)
    expect(looksSecret('driver_version')).toBe(false)
  })
})
