// Lifecycle states as the console shows them: one order everywhere (the way a node goes), and a
// tag colour that says at a glance whether the state is good, bad or in between.
import type { LifecycleState, StateCounts } from '../api/types'

export const LIFECYCLE_STATES: LifecycleState[] = [
  'NEW', 'COMMISSIONING', 'TESTING', 'READY', 'FAILED_TESTING', 'DELIVERED', 'RELEASING', 'MAINTENANCE', 'BROKEN', 'REPAIR', 'RMA',
]

export type TagType = 'success' | 'danger' | 'warning' | 'info' | 'primary'

export function stateTagType(state: string | undefined | null): TagType {
  switch (state) {
    case 'READY': case 'DELIVERED': return 'success'
    case 'FAILED_TESTING': case 'BROKEN': case 'RMA': return 'danger'
    case 'MAINTENANCE': case 'RELEASING': case 'REPAIR': return 'warning'
    case 'COMMISSIONING': case 'TESTING': return 'primary'
    default: return 'info'
  }
}

/** The states that have nodes, in lifecycle order (states the console does not know yet come last, as sent). */
export function countedStates(counts: StateCounts | Record<string, number>): { state: string; count: number }[] {
  const entries = Object.entries(counts).filter(([, count]) => (count ?? 0) > 0)
  const rank = (state: string) => {
    const index = LIFECYCLE_STATES.indexOf(state as LifecycleState)
    return index < 0 ? LIFECYCLE_STATES.length : index
  }
  return entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([state, count]) => ({ state, count: count ?? 0 }))
}
