import { describe, expect, it } from 'vitest'
import { busBwOption, passRateOption } from './overviewCharts'

describe('overview charts', () => {
  it('draws one bus bandwidth line per GPU model with gaps on days without samples', () => {
    const option = busBwOption([
      { day: '2026-12-01', gpuModel: 'H100', samples: 2, average: 470, min: 465, max: 475 },
      { day: '2026-12-02', gpuModel: 'H200', samples: 1, average: 480, min: 480, max: 480 },
    ], { busbw: 'GB/s', samples: (n) => `${n}` })
    expect(option.xAxis.data).toEqual(['2026-12-01', '2026-12-02'])
    expect(option.series.map((s) => [s.name, s.data])).toEqual([['H100', [470, null]], ['H200', [null, 480]]])
  })

  it('draws the pass rate in percent', () => {
    const option = passRateOption([{ day: '2026-12-01', judged: 4, passed: 3, rate: 0.75 }], { rate: '%', judged: () => '' })
    expect(option.series[0].data).toEqual([75])
  })
})
