// A node's health as one chronological list: the conditions its agent reported, its lifecycle
// changes, and (where the server has them) the decisions about the conditions, its repairs and the
// recommendations, newest first. Kept free of Vue so that the merge and its order are tested.
import type { HealthEvent, HealthRecord, NodeHealth } from '../api/health'
import type { LifecycleTransition } from '../api/types'

export type TimelineKind = 'event' | 'lifecycle' | 'decision' | 'repair' | 'recommendation'

export interface TimelineEntry {
  kind: TimelineKind
  /** ISO time the entry happened (a condition: when it was first seen). */
  at: string
  /** What happened, short: the condition's kind and code, the new state, the repair's action. */
  title: string
  /** Why or what came of it: the message, the reason, the result. */
  detail: string
  /** Who did it: a user, "policy:<name>@v<n>", the agent. */
  actor?: string
  runId?: number
  severity?: string
  open?: boolean
  evidence?: string | null
  key: string
}

const TIME_FIELDS = ['at', 'decidedAt', 'createdAt', 'startedAt', 'firstSeen', 'time']
const TITLE_FIELDS = ['action', 'outcome', 'decision', 'state', 'status']
const DETAIL_FIELDS = ['reason', 'result', 'detail', 'message', 'comment']

function firstText(record: HealthRecord, fields: string[]): string | undefined {
  for (const field of fields) {
    const value = record[field]
    if (typeof value === 'string' && value.trim()) return value
    if (typeof value === 'number') return String(value)
  }
  return undefined
}

function fromEvent(event: HealthEvent): TimelineEntry {
  return {
    kind: 'event', at: event.firstSeen, title: `${event.component} ${event.code}`, detail: event.message,
    severity: event.severity, open: event.open, evidence: event.evidence, actor: event.subject, key: `event-${event.id}`,
  }
}

function fromTransition(change: LifecycleTransition, index: number): TimelineEntry {
  return {
    kind: 'lifecycle', at: change.at, title: change.to, detail: change.reason ?? '', actor: change.actor, runId: change.runId,
    key: `lifecycle-${index}-${change.at}`,
  }
}

/** A record of the decision engine or the repair module; one without a time cannot be placed and is left out. */
function fromRecord(kind: TimelineKind, record: HealthRecord, index: number): TimelineEntry | null {
  const at = firstText(record, TIME_FIELDS)
  if (!at) return null
  const runId = typeof record.runId === 'number' ? record.runId : undefined
  const actor = firstText(record, ['actor', 'by', 'policy'])
  return {
    kind, at, title: firstText(record, TITLE_FIELDS) ?? '', detail: firstText(record, DETAIL_FIELDS) ?? '', actor, runId,
    key: `${kind}-${String(record.id ?? index)}`,
  }
}

function records(kind: TimelineKind, list: HealthRecord[] | undefined): TimelineEntry[] {
  return (list ?? []).map((record, index) => fromRecord(kind, record, index)).filter((e): e is TimelineEntry => e !== null)
}

/**
 * One list, newest first. Events come from the node's events call; the health call's own events
 * list, when there is one, is the same rows and is not added twice.
 */
export function healthTimeline(events: HealthEvent[], lifecycle: LifecycleTransition[], nodeHealth: NodeHealth | null): TimelineEntry[] {
  const entries = [
    ...events.map(fromEvent),
    ...lifecycle.map(fromTransition),
    ...records('decision', nodeHealth?.decisions),
    ...records('repair', nodeHealth?.repairs),
    ...records('recommendation', nodeHealth?.recommendations),
  ]
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.key.localeCompare(b.key))
}

/** Counts by key, largest first (then by name), without the zeros: for the open conditions by kind or severity. */
export function countsLargestFirst(counts: Record<string, number | undefined>): { key: string; count: number }[] {
  return Object.entries(counts)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([key, count]) => ({ key, count: count ?? 0 }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

/** The nodes in repair and in RMA from a lifecycle state count (0 when a state has none). */
export function repairCounts(states: Record<string, number | undefined>): { repair: number; rma: number } {
  return { repair: states.REPAIR ?? 0, rma: states.RMA ?? 0 }
}
