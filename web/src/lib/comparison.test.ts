import { describe, expect, it } from 'vitest'
import type { NodeComparison, RunSummary } from '../api'
import { changeKinds, previousRun, visibleNodes } from './comparison'

function node(ip: string, changed: boolean, changes: string[] = [], checkChanges: string[] = []): NodeComparison {
  return {
    nodeId: Number(ip.split('.').pop()), ip, hostname: `gpu-${ip}`, changed,
    steps: [{ name: 'install', changed: changes.length > 0, changes }],
    acceptance: checkChanges.length ? [{ check: 'nccl', changed: true, changes: checkChanges }] : [],
  }
}

describe('comparison helpers', () => {
  it('filter by address or hostname and by change', () => {
    const nodes = [node('10.0.0.1', true, ['status']), node('10.0.0.2', false), node('10.0.1.3', true, ['duration'])]
    expect(visibleNodes(nodes, '', true).map((n) => n.ip)).toEqual(['10.0.0.1', '10.0.1.3'])
    expect(visibleNodes(nodes, 'gpu-10.0.0', false).map((n) => n.ip)).toEqual(['10.0.0.1', '10.0.0.2'])
    expect(visibleNodes(nodes, ' 10.0.1 ', false).map((n) => n.ip)).toEqual(['10.0.1.3'])
  })

  it('name each kind of change once in a stable order', () => {
    expect(changeKinds(node('10.0.0.1', true, ['message', 'duration'], ['measured']))).toEqual(['duration', 'message', 'measured'])
    expect(changeKinds(node('10.0.0.2', false))).toEqual([])
  })

  it('pick the run just before as the default', () => {
    const runs = [{ id: 3 }, { id: 9 }, { id: 7 }, { id: 12 }] as RunSummary[]
    expect(previousRun(9, runs)?.id).toBe(7)
    expect(previousRun(3, runs)).toBeUndefined()
  })
})
