// The fleet's baselines (GET /baselines, POST /baselines/{id}/pin|unpin, GET /baselines/{id}/history)
// and the pure helpers the Baselines page uses.
import { http, request } from '../api/http'

export interface Baseline {
  id: number
  gpuModel: string
  driverBranch: string
  /** The group size it is kept for: 1 single-node, 0 unknown (a multi-node baseline from before group sizes). */
  nodeCount: number
  check: string
  metric: string
  value?: number | null
  unit: string
  samples: number
  window: number
  minSamples: number
  used: boolean
  pinned: boolean
  pinComment?: string | null
  pinnedBy?: string | null
  pinnedAt?: string | null
  updatedAt: string
}

export interface BaselinePoint {
  value: number
  samples: number
  pinned: boolean
  at: string
}

export const baselines = {
  list: (filter: { gpuModel?: string; check?: string }) =>
    http.get<Baseline[]>('/baselines', Object.fromEntries(Object.entries(filter).filter(([, v]) => v))),
  history: (id: number) => http.get<BaselinePoint[]>(`/baselines/${id}/history`),
  pin: (id: number, comment: string) => request<Baseline>('POST', `/baselines/${id}/pin`, { comment }),
  unpin: (id: number, comment: string) => request<Baseline>('POST', `/baselines/${id}/unpin`, { comment }),
  modes: () => http.get<JudgingRule[]>('/acceptance-judging-modes'),
  setMode: (check: string, rule: { mode: JudgingMode; failBelowPercent: number; warnBelowPercent: number }) =>
    http.put<JudgingRule>(`/acceptance-judging-modes/${encodeURIComponent(check)}`, rule),
}

/** What a check's figure is judged against (GET/PUT /acceptance-judging-modes): its line, its baseline, or both. */
export type JudgingMode = 'ABSOLUTE' | 'BASELINE' | 'BOTH'
export const JUDGING_MODES: JudgingMode[] = ['ABSOLUTE', 'BASELINE', 'BOTH']

export interface JudgingRule {
  check: string
  mode: JudgingMode
  failBelowPercent: number
  warnBelowPercent: number
  updatedBy?: string | null
  updatedAt?: string | null
}

/** One row per check that has baselines, as the server answers it or, for a check it does not name, its default (ABSOLUTE, 5 %, 3 %). */
export function judgingRows(rules: JudgingRule[]): JudgingRule[] {
  return BASELINE_CHECKS.map((check) => {
    const rule = rules.find((r) => r.check === check)
    return rule ? { ...rule } : { check, mode: 'ABSOLUTE', failBelowPercent: 5, warnBelowPercent: 3 }
  })
}

/** The server's rule for the margins, checked before sending: the message key of what is wrong, or null. */
export function judgingProblem(rule: { failBelowPercent: number | null; warnBelowPercent: number | null }): string | null {
  const fail = rule.failBelowPercent
  const warn = rule.warnBelowPercent
  if (fail == null || !(fail > 0 && fail < 100)) return 'judging.failRange'
  if (warn == null || !(warn >= 0 && warn <= fail)) return 'judging.warnRange'
  return null
}

/** The checks that have baselines, as the server keeps them. */
export const BASELINE_CHECKS = ['ib_write_bw', 'nccl_all_reduce', 'nccl_all_reduce_multi', 'torch_all_reduce']

/** One line per driver branch of the model's baselines of one check and metric: value over time. */
export function historyOption(series: { name: string; points: BaselinePoint[] }[], axis: string): object {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: series.map((s) => s.name) },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: axis, scale: true },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      step: 'end',
      data: s.points.map((p) => [p.at, p.value]),
    })),
  }
}

/** What the verdict matrix says of the baseline a verdict was judged against: "480.00 GB/s (8 samples)". */
export function baselineText(baseline: { value: number; samples: number } | null | undefined, unit?: string | null): string {
  if (!baseline) return '—'
  return `${baseline.value.toFixed(2)}${unit ? ` ${unit}` : ''} (${baseline.samples})`
}
