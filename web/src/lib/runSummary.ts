// The run page's one-line summary, from the run's own node outcomes, so that it is in the user's
// language: how many nodes ended how, then what the run's status means.
import type { Run } from '../api/types'
import { COUNT_ORDER, type CellStatus } from './matrix'

export interface RunSummaryParts {
  nodes: number
  counts: { status: CellStatus; n: number }[]
}

/** Each node counted once: by its first outcome that is not SUCCEEDED over its items (SKIPPED: not run). */
export function summarize(run: Run): RunSummaryParts {
  const byNode = new Map<number, CellStatus>()
  for (const item of run.items ?? []) {
    for (const node of item.nodes ?? []) {
      const status: CellStatus = !node.status ? 'PENDING' : node.status === 'SKIPPED' ? 'NOT_RUN' : node.status
      const before = byNode.get(node.nodeId)
      if (before === undefined || before === 'SUCCEEDED') byNode.set(node.nodeId, status)
    }
  }
  const tally: Partial<Record<CellStatus, number>> = {}
  byNode.forEach((status) => (tally[status] = (tally[status] ?? 0) + 1))
  return { nodes: byNode.size, counts: COUNT_ORDER.filter((status) => tally[status]).map((status) => ({ status, n: tally[status]! })) }
}

/**
 * The server's own words for the generic endings, which the summary already says in the user's
 * language; any other message (an engine failure, a refusal) carries detail and is still shown.
 */
export const GENERIC_ENDINGS = ['at least one step failed on at least one node', 'cancelled', 'cancelled before it started']
