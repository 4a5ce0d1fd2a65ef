// The run page's verdict matrix: one row per node, one column per check, from GET /runs/{id}/verdicts.
// "Failures only" keeps the nodes with a FAIL or ERROR and, in them, blanks the cells that passed; a
// reason keeps only the verdicts with that reason (THRESHOLD, HARDWARE, ...), the same way.
import { FAILURE_REASONS, type CheckVerdict, type FailureReason, type RunVerdict } from '../api/types'

export interface MatrixRow {
  nodeId: number
  ip: string
  worst: CheckVerdict
  cells: Record<string, RunVerdict | undefined>
}

export interface VerdictMatrix {
  checks: string[]
  rows: MatrixRow[]
}

const RANK: Record<CheckVerdict, number> = { PASS: 0, WARN: 1, FAIL: 2, ERROR: 3 }

export const isFailure = (verdict: CheckVerdict) => verdict === 'FAIL' || verdict === 'ERROR'

export function worse(a: CheckVerdict, b: CheckVerdict): CheckVerdict {
  return RANK[b] > RANK[a] ? b : a
}

export function verdictMatrix(verdicts: RunVerdict[], failuresOnly = false, reason: FailureReason | null = null): VerdictMatrix {
  const shown = verdicts.filter((v) => (!failuresOnly || isFailure(v.verdict)) && (reason === null || v.reason === reason))
  const checks = [...new Set(shown.map((v) => v.check))].sort()
  const byNode = new Map<number, MatrixRow>()
  for (const verdict of shown) {
    let row = byNode.get(verdict.nodeId)
    if (!row) {
      row = { nodeId: verdict.nodeId, ip: verdict.ip, worst: 'PASS', cells: {} }
      byNode.set(verdict.nodeId, row)
    }
    // Two verdicts of one check on one node (a check run twice): the worse one stands.
    const earlier = row.cells[verdict.check]
    row.cells[verdict.check] = earlier && RANK[earlier.verdict] >= RANK[verdict.verdict] ? earlier : verdict
    row.worst = worse(row.worst, verdict.verdict)
  }
  const rows = [...byNode.values()].sort((a, b) => RANK[b.worst] - RANK[a.worst] || compareIp(a.ip, b.ip))
  return { checks, rows }
}

/** Counts per verdict, for the matrix's summary line. */
export function verdictCounts(verdicts: RunVerdict[]): Record<CheckVerdict, number> {
  const counts: Record<CheckVerdict, number> = { PASS: 0, WARN: 0, FAIL: 0, ERROR: 0 }
  verdicts.forEach((v) => { counts[v.verdict] += 1 })
  return counts
}

/** Counts per failure reason, for the reason filter's options. */
export function reasonCounts(verdicts: RunVerdict[]): Record<FailureReason, number> {
  const counts = Object.fromEntries(FAILURE_REASONS.map((r) => [r, 0])) as Record<FailureReason, number>
  verdicts.forEach((v) => { if (v.reason) counts[v.reason] += 1 })
  return counts
}

function compareIp(a: string, b: string): number {
  const parts = (ip: string) => ip.split('.').map(Number)
  const [x, y] = [parts(a), parts(b)]
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0 && !Number.isNaN(d)) return d
  }
  return a.localeCompare(b)
}

/** A check's wall time as people read it: 850 ms, 12.4 s, 3 min 5 s, 1 h 0 min. */
export function wallTime(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`
}
