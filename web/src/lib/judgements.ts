// NCCL judgements of a run's reports (server: GET /runs/{id}/judgements) and the pass lines they
// are judged by (GET/PUT /acceptance-thresholds), with the pure helpers the report views use.
import { http, request } from '../api/http'
import type { Report } from '../api/types'

export type Verdict = 'PASS' | 'FAIL' | 'UNKNOWN'

export interface BandwidthPoint {
  sizeBytes: number
  algBwGbps: number
  busBwGbps: number
  inPlaceAlgBwGbps: number
  inPlaceBusBwGbps: number
  wrong?: number | null
}

export interface Judgement {
  verdict: Verdict
  reason: string
  gpuModel?: string | null
  gpuCount?: number | null
  rule?: string | null
  thresholdGbps?: number | null
  busBwGbps?: number | null
  largestSizeBytes?: number | null
  avgBusBwGbps?: number | null
  wrongValues?: number | null
  series: BandwidthPoint[]
}

export interface ReportJudgement {
  reportId: number
  taskId: number
  nodeId: number
  ip?: string
  path: string
  judgement: Judgement
}

export interface Threshold {
  id?: number
  name: string
  modelMatch: string
  gpuCount?: number | null
  minBusBwGbps: number
  minMessageBytes?: number | null
  description?: string | null
}

export const acceptance = {
  judgements: (runId: number) => http.get<ReportJudgement[]>(`/runs/${runId}/judgements`),
  thresholds: () => http.get<{ thresholds: Threshold[] }>('/acceptance-thresholds').then((answer) => answer.thresholds),
  saveThresholds: (thresholds: Threshold[]) =>
    request<{ thresholds: Threshold[] }>('PUT', '/acceptance-thresholds', { thresholds }).then((answer) => answer.thresholds),
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB']

/** Message sizes as all_reduce_perf users write them: 8 B, 64 KiB, 8 GiB. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${UNITS[unit]}`
}

export function formatGbps(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(2)} GB/s`
}

export function nodeLabel(item: { ip?: string; nodeId: number }): string {
  return item.ip ?? `#${item.nodeId}`
}

const ORDER: Record<Verdict, number> = { FAIL: 0, UNKNOWN: 1, PASS: 2 }

/** Failing nodes first, then unknown, then passing; the slowest first within each. */
export function worstFirst(judgements: ReportJudgement[]): ReportJudgement[] {
  return [...judgements].sort((a, b) =>
    ORDER[a.judgement.verdict] - ORDER[b.judgement.verdict]
    || (a.judgement.busBwGbps ?? Infinity) - (b.judgement.busBwGbps ?? Infinity)
    || a.reportId - b.reportId)
}

export interface VerdictCounts { PASS: number; FAIL: number; UNKNOWN: number }

export function countVerdicts(judgements: ReportJudgement[]): VerdictCounts {
  const counts: VerdictCounts = { PASS: 0, FAIL: 0, UNKNOWN: 0 }
  judgements.forEach((item) => counts[item.judgement.verdict]++)
  return counts
}

/** One group per collected file of one step: the same report from each node, for side by side. */
export interface ReportGroup {
  key: string
  taskId: number
  path: string
  reports: Report[]
}

/** The server answers each report's step (internal task) id too. */
type CollectedReport = Report & { taskId?: number }

export function groupReports(reports: CollectedReport[]): ReportGroup[] {
  const groups = new Map<string, ReportGroup>()
  for (const report of reports) {
    const taskId = report.taskId ?? 0
    const key = `${taskId}:${report.path}`
    const group = groups.get(key) ?? { key, taskId, path: report.path, reports: [] }
    group.reports.push(report)
    groups.set(key, group)
  }
  return [...groups.values()]
}

export interface ChartLine {
  name: string
  verdict: Verdict
  points: [number, number][]
}

/** A line of busbw by message size per judged node, and the distinct pass lines. */
export function chartData(judgements: ReportJudgement[]): { lines: ChartLine[]; thresholds: number[] } {
  const lines = judgements
    .filter((item) => item.judgement.series.length > 0)
    .map((item) => ({
      name: judgements.filter((other) => other.nodeId === item.nodeId).length > 1
        ? `${nodeLabel(item)} (${item.path})` : nodeLabel(item),
      verdict: item.judgement.verdict,
      points: item.judgement.series.filter((p) => p.sizeBytes > 0).map((p) => [p.sizeBytes, p.busBwGbps] as [number, number]),
    }))
  const thresholds = [...new Set(judgements.map((item) => item.judgement.thresholdGbps)
    .filter((value): value is number => typeof value === 'number'))].sort((a, b) => a - b)
  return { lines, thresholds }
}
