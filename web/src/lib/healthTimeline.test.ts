import { describe, expect, it } from 'vitest'
import type { HealthEvent } from '../api/health'
import type { LifecycleTransition } from '../api/types'
import { countsLargestFirst, healthTimeline, repairCounts } from './healthTimeline'

function event(id: number, firstSeen: string, overrides: Partial<HealthEvent> = {}): HealthEvent {
  return {
    id, nodeId: 7, component: 'xid', code: '79', subject: '0000:18:00', severity: 'CRITICAL', message: 'GPU has fallen off the bus',
    evidence: 'NVRM: Xid (PCI:0000:18:00): 79', firstSeen, lastSeen: firstSeen, count: 1, open: true, policyVersion: null, action: null,
    ...overrides,
  }
}

function change(to: LifecycleTransition['to'], at: string, reason = ''): LifecycleTransition {
  return { to, at, actor: 'policy:default@v1', reason, override: false }
}

describe('healthTimeline', () => {
  it('merges events, lifecycle changes and repairs into one list, newest first', () => {
    const timeline = healthTimeline(
      [event(1, '2026-12-07T10:00:00Z')],
      [change('READY', '2026-12-07T09:00:00Z'), change('REPAIR', '2026-12-07T10:00:05Z', 'Xid 79')],
      { repairs: [{ id: 3, action: 'REBOOT', runId: 42, at: '2026-12-07T10:01:00Z', result: 'DONE', actor: 'repair' }] },
    )

    expect(timeline.map((e) => [e.kind, e.title])).toEqual([
      ['repair', 'REBOOT'], ['lifecycle', 'REPAIR'], ['event', 'xid 79'], ['lifecycle', 'READY']])
    expect(timeline[0]).toMatchObject({ runId: 42, detail: 'DONE', actor: 'repair' })
    expect(timeline[2]).toMatchObject({ severity: 'CRITICAL', open: true, detail: 'GPU has fallen off the bus' })
  })

  it('reads decisions and recommendations by the fields they share and leaves out one without a time', () => {
    const timeline = healthTimeline([], [], {
      decisions: [{ id: 1, decidedAt: '2026-12-07T10:00:01Z', action: 'DRAIN', reason: 'xid 79 is CRITICAL', actor: 'policy:default@v2' }],
      recommendations: [{ id: 2, createdAt: '2026-12-07T10:00:02Z', action: 'REBOOT', comment: 'node is DELIVERED' }, { id: 3 }],
    })

    expect(timeline).toHaveLength(2)
    expect(timeline[0]).toMatchObject({ kind: 'recommendation', title: 'REBOOT', detail: 'node is DELIVERED' })
    expect(timeline[1]).toMatchObject({ kind: 'decision', title: 'DRAIN', actor: 'policy:default@v2' })
  })

  it('shows events and lifecycle alone where the server has no health call yet', () => {
    const timeline = healthTimeline([event(1, '2026-12-07T10:00:00Z')], [change('READY', '2026-12-07T09:00:00Z')], null)

    expect(timeline.map((e) => e.kind)).toEqual(['event', 'lifecycle'])
  })
})

describe('health counts', () => {
  it('orders open conditions by count, largest first, without zeros', () => {
    expect(countsLargestFirst({ gpu: 1, xid: 3, disk: 0, nvlink: 1 })).toEqual([
      { key: 'xid', count: 3 }, { key: 'gpu', count: 1 }, { key: 'nvlink', count: 1 }])
  })

  it('reads the nodes in repair and RMA from the state counts, zero when absent', () => {
    expect(repairCounts({ READY: 4, REPAIR: 2 })).toEqual({ repair: 2, rma: 0 })
  })
})
