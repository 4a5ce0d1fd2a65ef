// Test data for the judgement views: judgements as the server answers them.
import type { Report } from '../api/types'
import type { BandwidthPoint, ReportJudgement, Verdict } from './judgements'

export function series(largestBusbw: number): BandwidthPoint[] {
  return [8, 1048576, 1073741824, 8589934592].map((size, index) => {
    const busBwGbps = Number((largestBusbw * [0, 0.2, 0.95, 1][index]).toFixed(2))
    return { sizeBytes: size, algBwGbps: busBwGbps / 1.75, busBwGbps, inPlaceAlgBwGbps: busBwGbps / 1.75, inPlaceBusBwGbps: busBwGbps, wrong: 0 }
  })
}

export function judged(reportId: number, ip: string, verdict: Verdict, busbw: number | null): ReportJudgement {
  return {
    reportId, taskId: 5, nodeId: reportId * 10, ip, path: '/tmp/single-nccl-test-qwkj.md',
    judgement: {
      verdict,
      reason: verdict === 'UNKNOWN' ? 'not parsed: the output is empty' : `${busbw} GB/s busbw at 8 GiB`,
      gpuModel: 'NVIDIA H100 80GB HBM3', gpuCount: 8,
      rule: verdict === 'UNKNOWN' ? null : '8 x H100 SXM', thresholdGbps: verdict === 'UNKNOWN' ? null : 460,
      busBwGbps: busbw, largestSizeBytes: busbw === null ? null : 8589934592, avgBusBwGbps: null, wrongValues: 0,
      series: busbw === null ? [] : series(busbw),
    },
  }
}

export function report(id: number, ip: string, content: string, path = '/tmp/single-nccl-test-qwkj.md'): Report & { taskId: number } {
  return { id, taskId: 5, nodeId: id * 10, ip, path, content, sizeBytes: content.length, truncated: false, collectedAt: '2026-01-01T00:00:00Z' }
}
