import { describe, expect, it } from 'vitest'
import { baselineText, historyOption } from './baselines'

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
})
