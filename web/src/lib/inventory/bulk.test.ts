import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/http'
import { describeError, parseLabel, runBulk, summarise, withLabel, withoutLabel } from './bulk'

const nodes = [1, 2, 3, 4, 5].map((id) => ({ id, name: `10.0.0.${id}`, locked: id === 4 }))

describe('bulk actions', () => {
  it('gives every node its own outcome in order: done, skipped with why, failed with the server detail', async () => {
    const outcomes = await runBulk(nodes, async (n) => {
      if (n.id === 2) throw new ApiError(409, 'Node 10.0.0.2 is in a running run')
    }, { skip: (n) => (n.locked ? 'already locked' : undefined), concurrency: 2 })
    expect(outcomes.map((o) => [o.id, o.kind, o.message])).toEqual([
      [1, 'done', undefined], [2, 'failed', 'Node 10.0.0.2 is in a running run'], [3, 'done', undefined],
      [4, 'skipped', 'already locked'], [5, 'done', undefined],
    ])
    expect(summarise(outcomes)).toEqual({ done: 3, skipped: 1, failed: 1, failedIds: [2] })
  })

  it('reports progress after every node and never runs more than the allowed number at once', async () => {
    let running = 0
    let most = 0
    const progress: number[] = []
    await runBulk(nodes, async () => {
      most = Math.max(most, ++running)
      await new Promise((r) => setTimeout(r, 1))
      running--
    }, { concurrency: 3, onProgress: (p) => progress.push(p.done) })
    expect(most).toBe(3)
    expect(progress).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('describes field errors that the detail does not already name', () => {
    const error = new ApiError(400, 'Invalid labels', [{ field: 'labels', message: "key 'a b' is invalid" }])
    expect(describeError(error)).toBe("Invalid labels; labels: key 'a b' is invalid")
    expect(describeError(new Error('Failed to fetch'))).toBe('Failed to fetch')
  })

  it('reads and applies labels without touching the others', () => {
    expect(parseLabel(' rack=r1 ')).toEqual({ key: 'rack', value: 'r1' })
    expect(parseLabel('rack')).toBeUndefined()
    expect(parseLabel('rack=a b')).toBeUndefined()
    expect(withLabel({ a: '1' }, 'b', '2')).toEqual({ a: '1', b: '2' })
    expect(withoutLabel({ a: '1', b: '2' }, 'a')).toEqual({ b: '2' })
  })
})
