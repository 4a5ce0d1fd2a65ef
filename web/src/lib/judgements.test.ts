import { describe, expect, it } from 'vitest'
import { chartData, countVerdicts, formatBytes, formatGbps, groupReports, worstFirst } from './judgements'
import { judged, report } from './judgements.fixtures'
import { busbwChartOption, VERDICT_COLOURS } from './busbwChart'

const good = judged(1, '10.0.0.1', 'PASS', 478.85)
const slow = judged(2, '10.0.0.2', 'FAIL', 371.11)
const unread = judged(3, '10.0.0.3', 'UNKNOWN', null)

describe('judgement helpers', () => {
  it('write message sizes and bandwidths the way all_reduce_perf users read them', () => {
    expect(formatBytes(8)).toBe('8 B')
    expect(formatBytes(1048576)).toBe('1 MiB')
    expect(formatBytes(8589934592)).toBe('8 GiB')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(null)).toBe('—')
    expect(formatGbps(371.1)).toBe('371.10 GB/s')
    expect(formatGbps(undefined)).toBe('—')
  })

  it('put failing nodes first, then the unjudged, then passing ones', () => {
    const faster = judged(4, '10.0.0.4', 'FAIL', 420)
    expect(worstFirst([good, faster, unread, slow]).map((j) => j.ip)).toEqual(['10.0.0.2', '10.0.0.4', '10.0.0.3', '10.0.0.1'])
    expect(countVerdicts([good, slow, unread, faster])).toEqual({ PASS: 1, FAIL: 2, UNKNOWN: 1 })
  })

  it('group the same report of one step across nodes', () => {
    const groups = groupReports([report(1, 'a', 'x'), report(2, 'b', 'y'), report(3, 'a', 'z', '/tmp/host_info.md')])
    expect(groups.map((g) => [g.path, g.reports.length])).toEqual([['/tmp/single-nccl-test-qwkj.md', 2], ['/tmp/host_info.md', 1]])
  })

  it('chart a line per judged node with figures, and each distinct pass line once', () => {
    const { lines, thresholds } = chartData([good, slow, unread])
    expect(lines.map((line) => [line.name, line.verdict])).toEqual([['10.0.0.1', 'PASS'], ['10.0.0.2', 'FAIL']])
    expect(lines[1].points.at(-1)).toEqual([8589934592, 371.11])
    expect(thresholds).toEqual([460])
  })

  it('draw a failing node thick and red so it stands out, and the pass line dashed', () => {
    const option = busbwChartOption([good, slow], { size: 'size', busbw: 'busbw', passLine: (g) => `pass ${g}` })
    const [passing, failing] = option.series
    expect(failing.lineStyle.width).toBeGreaterThan(passing.lineStyle.width)
    expect(failing.itemStyle.color).toBe(VERDICT_COLOURS.FAIL)
    expect(passing.itemStyle.color).toBeUndefined()
    expect(option.color).not.toContain(VERDICT_COLOURS.FAIL)
    expect(passing.markLine?.data).toEqual([{ yAxis: 460 }])
    expect(option.xAxis.type).toBe('log')
    expect(option.xAxis.axisLabel.formatter(1073741824)).toBe('1 GiB')
  })
})
