// The run matrix: one row per node, one column per step (across the job's templates), each cell
// the node's status for that step. Pure functions, so the page only renders.
import type { Run, RunHost, StepStatus } from '../api/types'

/** What a cell shows: a node that never ran a step shows NOT_RUN (its reason says why), never SKIPPED or PENDING once the run has ended. */
export type CellStatus = StepStatus | 'NOT_RUN'

export interface MatrixColumn {
  key: string
  label: string
  templateName: string
  status: StepStatus
  /** How many nodes ended (or are) in each cell status, in {@link COUNT_ORDER}. */
  counts: Partial<Record<CellStatus, number>>
  /** Names the step's output in the log, for one node's part of it. */
  outputId?: number
}

export interface MatrixRow {
  nodeId: number
  ip: string
  hostname?: string
  cells: Record<string, RunHost | undefined>
  failed: boolean
}

export interface Matrix {
  columns: MatrixColumn[]
  rows: MatrixRow[]
  /** The run has ended: no cell is open any more. */
  finished: boolean
}

const ENDED = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED']

/** The order in which a step header counts its outcomes. */
export const COUNT_ORDER: CellStatus[] = ['SUCCEEDED', 'FAILED', 'UNREACHABLE', 'CANCELLED', 'INTERRUPTED', 'NOT_RUN', 'RUNNING', 'QUEUED', 'PENDING']

export const FAILED_STATUSES: StepStatus[] = ['FAILED', 'UNREACHABLE', 'INTERRUPTED']

export function buildMatrix(run: Run): Matrix {
  const columns: MatrixColumn[] = []
  const rows = new Map<number, MatrixRow>()
  const finished = ENDED.includes(run.status)
  for (const item of run.items ?? []) {
    for (const node of item.nodes ?? []) {
      if (!rows.has(node.nodeId)) {
        rows.set(node.nodeId, { nodeId: node.nodeId, ip: node.ip, hostname: node.hostname, cells: {}, failed: false })
      }
    }
    for (const step of item.steps ?? []) {
      const key = `${item.sequence}.${step.sequence}`
      const counts: Partial<Record<CellStatus, number>> = {}
      for (const host of step.hosts ?? []) {
        let row = rows.get(host.nodeId)
        if (!row) {
          row = { nodeId: host.nodeId, ip: host.ip, cells: {}, failed: false }
          rows.set(host.nodeId, row)
        }
        row.cells[key] = host
        if (FAILED_STATUSES.includes(host.status)) row.failed = true
      }
      for (const node of item.nodes ?? []) {
        const status = statusOf(rows.get(node.nodeId)!.cells[key], finished)
        counts[status] = (counts[status] ?? 0) + 1
      }
      columns.push({ key, label: `${key} ${step.name}`, templateName: item.templateName, status: step.status, counts, outputId: step.outputId })
    }
  }
  return { columns, rows: [...rows.values()], finished }
}

function statusOf(host: RunHost | undefined, finished: boolean): CellStatus {
  if (!host) return finished ? 'NOT_RUN' : 'PENDING'
  return host.status === 'SKIPPED' ? 'NOT_RUN' : host.status
}

/** A cell's status; a node without a row in a step of an ended run did not run it. */
export function cellStatus(row: MatrixRow, column: MatrixColumn, finished = false): CellStatus {
  return statusOf(row.cells[column.key], finished)
}

/** The step header's counts in order, without the empty ones. */
export function orderedCounts(column: MatrixColumn): { status: CellStatus; n: number }[] {
  return COUNT_ORDER.filter((status) => column.counts[status]).map((status) => ({ status, n: column.counts[status]! }))
}
