// The home page's two charts as ECharts options: the acceptance pass rate per day, and the measured
// NCCL all_reduce bus bandwidth per GPU model per day (the day's average, with min and max in the tooltip).
import type { BusBandwidthDay, PassRateDay } from '../api/types'

export interface PassRateTexts { rate: string; judged: (passed: number, judged: number) => string }
export interface BusBwTexts { busbw: string; samples: (n: number, min: number, max: number) => string }

const PALETTE = ['#5470c6', '#3ba272', '#9a60b4', '#73c0de', '#fc8452', '#2f4554', '#61a0a8']

export function passRateOption(days: PassRateDay[], texts: PassRateTexts) {
  return {
    animation: false,
    aria: { enabled: true },
    grid: { left: 50, right: 20, top: 30, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const day = days[params[0]?.dataIndex ?? 0]
        return day ? `${day.day}<br/>${Math.round(day.rate * 100)} % · ${texts.judged(day.passed, day.judged)}` : ''
      },
    },
    xAxis: { type: 'category', data: days.map((d) => d.day) },
    yAxis: { type: 'value', min: 0, max: 100, name: texts.rate, axisLabel: { formatter: '{value} %' } },
    series: [{
      type: 'line',
      name: texts.rate,
      data: days.map((d) => Math.round(d.rate * 1000) / 10),
      itemStyle: { color: '#3ba272' },
      areaStyle: { opacity: 0.15 },
    }],
  }
}

/** One line per GPU model over the union of days; a day without samples for a model is a gap, not a zero. */
export function busBwOption(points: BusBandwidthDay[], texts: BusBwTexts) {
  const days = [...new Set(points.map((p) => p.day))].sort()
  const models = [...new Set(points.map((p) => p.gpuModel))].sort()
  const at = new Map(points.map((p) => [`${p.gpuModel}|${p.day}`, p]))
  return {
    animation: false,
    color: PALETTE,
    aria: { enabled: true },
    grid: { left: 60, right: 20, top: 40, bottom: 40 },
    legend: { type: 'scroll', top: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; name: string; value: number }) => {
        const point = at.get(`${p.seriesName}|${p.name}`)
        return point ? `${p.seriesName} · ${p.name}<br/>${point.average} GB/s (${texts.samples(point.samples, point.min, point.max)})` : ''
      },
    },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', name: texts.busbw },
    series: models.map((model) => ({
      type: 'line',
      name: model,
      connectNulls: false,
      data: days.map((day) => at.get(`${model}|${day}`)?.average ?? null),
    })),
  }
}
