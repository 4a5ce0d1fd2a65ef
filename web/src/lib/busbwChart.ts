// The ECharts option for busbw by message size, one line per node: failing nodes drawn thick and
// red, unknown ones dashed, passing ones thin, so an underperforming node stands out at a glance.
import { chartData, formatBytes, type ReportJudgement, type Verdict } from './judgements'

export const VERDICT_COLOURS: Record<Verdict, string> = { FAIL: '#d03050', UNKNOWN: '#e6a23c', PASS: '#67c23a' }

export interface ChartTexts {
  size: string
  busbw: string
  passLine: (gbps: number) => string
}

export function busbwChartOption(judgements: ReportJudgement[], texts: ChartTexts) {
  const { lines, thresholds } = chartData(judgements)
  return {
    animation: false,
    // No reds or oranges for passing nodes: those colours mean FAIL and UNKNOWN here.
    color: ['#5470c6', '#73c0de', '#3ba272', '#91cc75', '#9a60b4', '#2f4554', '#61a0a8'],
    aria: { enabled: true },
    grid: { left: 60, right: 120, top: 40, bottom: 50 },
    legend: { type: 'scroll', top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: number) => `${value} GB/s`,
    },
    xAxis: {
      type: 'log',
      logBase: 2,
      min: 'dataMin',
      max: 'dataMax',
      name: texts.size,
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { formatter: (value: number) => formatBytes(value) },
      axisPointer: { label: { formatter: (p: { value: number }) => formatBytes(Math.round(p.value)) } },
    },
    yAxis: { type: 'value', name: texts.busbw },
    series: lines.map((line, index) => ({
      type: 'line',
      name: line.name,
      data: line.points,
      showSymbol: false,
      z: line.verdict === 'FAIL' ? 3 : 2,
      lineStyle: {
        width: line.verdict === 'FAIL' ? 3 : 1.5,
        type: line.verdict === 'UNKNOWN' ? 'dashed' : 'solid',
      },
      itemStyle: { color: line.verdict === 'PASS' ? undefined : VERDICT_COLOURS[line.verdict] },
      emphasis: { focus: 'series' },
      markLine: index === 0 && thresholds.length
        ? {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#909399' },
            label: { formatter: (p: { value: number }) => texts.passLine(p.value), position: 'end' },
            data: thresholds.map((value) => ({ yAxis: value })),
          }
        : undefined,
    })),
  }
}
