import { describe, expect, it } from 'vitest'
import { BASELINE_CHECKS, baselineText, historyOption, judgingProblem, judgingRows } from './baselines'

describe('baselines', () => {
  it('draws one stepped line per driver branch, value over time', () => {
    const option = historyOption([
      { name: 'driver 550', points: [{ value: 480, samples: 8, pinned: false, at: '2026-12-01T00:00:00Z' },
        { value: 475, samples: 9, pinned: false, at: '2026-12-02T00:00:00Z' }] },
      { name: 'driver 560', points: [] },
    ], 'busbw_gbps (GB/s)') as { series: { name: string; data: [string, number][] }[]; yAxis: { name: string } }
    expect(option.series.map((s) => s.name)).toEqual(['driver 550', 'driver 560'])
    expect(option.series[0]!.data).toEqual([['2026-12-01T00:00:00Z', 480], ['2026-12-02T00:00:00Z', 475]])
    expect(option.yAxis.name).toBe('busbw_gbps (GB/s)')
  })

  it('says the baseline value and its samples, or a dash without one', () => {
    expect(baselineText({ value: 480, samples: 8 }, 'GB/s')).toBe('480.00 GB/s (8)')
    expect(baselineText(null, 'GB/s')).toBe('—')
  })

  it('gives every check with baselines a judging row, the rule the server keeps or the ABSOLUTE default', () => {
    const rows = judgingRows([{ check: 'nccl_all_reduce', mode: 'BOTH', failBelowPercent: 7, warnBelowPercent: 2, updatedBy: 'admin' }])
    expect(rows.map((r) => r.check)).toEqual(BASELINE_CHECKS)
    expect(rows.find((r) => r.check === 'nccl_all_reduce')).toMatchObject({ mode: 'BOTH', failBelowPercent: 7, warnBelowPercent: 2 })
    expect(rows.find((r) => r.check === 'ib_write_bw')).toEqual({ check: 'ib_write_bw', mode: 'ABSOLUTE', failBelowPercent: 5, warnBelowPercent: 3 })
  })

  it('refuses margins the server would refuse: FAIL over 0 and under 100, WARN from 0 to FAIL', () => {
    expect(judgingProblem({ failBelowPercent: 5, warnBelowPercent: 3 })).toBeNull()
    expect(judgingProblem({ failBelowPercent: 5, warnBelowPercent: 5 })).toBeNull()
    expect(judgingProblem({ failBelowPercent: 0, warnBelowPercent: 0 })).toBe('judging.failRange')
    expect(judgingProblem({ failBelowPercent: 100, warnBelowPercent: 3 })).toBe('judging.failRange')
    expect(judgingProblem({ failBelowPercent: null, warnBelowPercent: 3 })).toBe('judging.failRange')
    expect(judgingProblem({ failBelowPercent: 5, warnBelowPercent: 6 })).toBe('judging.warnRange')
    expect(judgingProblem({ failBelowPercent: 5, warnBelowPercent: -1 })).toBe('judging.warnRange')
  })
})
