// The run matrix: one row per node, one column per step (across the job's templates), each cell
// the node's status for that step. Pure functions, so the page only renders.
import type { Run, RunHost, StepStatus } from '../api/types'

export interface MatrixColumn {
  key: string
  label: string
  templateName: string
  status: StepStatus
  counts: Partial<Record<StepStatus, number>>
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
}

export const FAILED_STATUSES: StepStatus[] = ['FAILED', 'UNREACHABLE', 'INTERRUPTED']

export function buildMatrix(run: Run): Matrix {
  const columns: MatrixColumn[] = []
  const rows = new Map<number, MatrixRow>()
  for (const item of run.items ?? []) {
    for (const node of item.nodes ?? []) {
      if (!rows.has(node.nodeId)) {
        rows.set(node.nodeId, { nodeId: node.nodeId, ip: node.ip, hostname: node.hostname, cells: {}, failed: false })
      }
    }
    for (const step of item.steps ?? []) {
      const key = `${item.sequence}.${step.sequence}`
      const counts: Partial<Record<StepStatus, number>> = {}
      for (const host of step.hosts ?? []) {
        counts[host.status] = (counts[host.status] ?? 0) + 1
        let row = rows.get(host.nodeId)
        if (!row) {
          row = { nodeId: host.nodeId, ip: host.ip, cells: {}, failed: false }
          rows.set(host.nodeId, row)
        }
        row.cells[key] = host
        if (FAILED_STATUSES.includes(host.status)) row.failed = true
      }
      columns.push({ key, label: `${key} ${step.name}`, templateName: item.templateName, status: step.status, counts, outputId: step.outputId })
    }
  }
  return { columns, rows: [...rows.values()] }
}

export function cellStatus(row: MatrixRow, column: MatrixColumn): StepStatus {
  return row.cells[column.key]?.status ?? 'PENDING'
}
