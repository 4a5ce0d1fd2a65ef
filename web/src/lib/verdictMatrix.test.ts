import { describe, expect, it } from 'vitest'
import type { RunVerdict } from '../api/types'
import { reasonCounts, verdictCounts, verdictMatrix, wallTime } from './verdictMatrix'

const v = (nodeId: number, ip: string, check: string, verdict: RunVerdict['verdict'], message = ''): RunVerdict =>
  ({ nodeId, ip, check, verdict, message, measured: null, threshold: null })

const VERDICTS = [
  v(1, '10.0.0.10', 'nccl_all_reduce', 'PASS'),
  v(1, '10.0.0.10', 'xid', 'PASS'),
  v(2, '10.0.0.9', 'nccl_all_reduce', 'FAIL', 'busbw 300 < 460'),
  v(2, '10.0.0.9', 'xid', 'PASS'),
  v(3, '10.0.0.11', 'gpu_inventory', 'ERROR', 'install nvidia-smi'),
]

describe('verdictMatrix', () => {
  it('has one row per node and one column per check, the worst nodes first', () => {
    const matrix = verdictMatrix(VERDICTS)
    expect(matrix.checks).toEqual(['gpu_inventory', 'nccl_all_reduce', 'xid'])
    expect(matrix.rows.map((r) => [r.ip, r.worst])).toEqual([['10.0.0.11', 'ERROR'], ['10.0.0.9', 'FAIL'], ['10.0.0.10', 'PASS']])
    expect(matrix.rows[1].cells.nccl_all_reduce?.message).toBe('busbw 300 < 460')
    expect(matrix.rows[0].cells.xid).toBeUndefined()
  })

  it('keeps only failing nodes and their failing cells when filtered to failures', () => {
    const matrix = verdictMatrix(VERDICTS, true)
    expect(matrix.checks).toEqual(['gpu_inventory', 'nccl_all_reduce'])
    expect(matrix.rows.map((r) => r.nodeId)).toEqual([3, 2])
    expect(matrix.rows[1].cells.xid).toBeUndefined()
  })

  it('keeps the worse verdict when a check was judged twice on a node', () => {
    const matrix = verdictMatrix([v(1, '10.0.0.1', 'xid', 'FAIL', 'first'), v(1, '10.0.0.1', 'xid', 'PASS', 'second')])
    expect(matrix.rows[0].cells.xid?.message).toBe('first')
  })

  it('counts verdicts', () => {
    expect(verdictCounts(VERDICTS)).toEqual({ PASS: 3, WARN: 0, FAIL: 1, ERROR: 1 })
  })
})

describe('the reason filter', () => {
  const withReasons: RunVerdict[] = [
    { ...v(1, '10.0.0.1', 'nccl_all_reduce', 'FAIL'), reason: 'THRESHOLD' },
    { ...v(1, '10.0.0.1', 'nvlink', 'ERROR'), reason: 'MISSING_EVIDENCE' },
    { ...v(2, '10.0.0.2', 'nvlink', 'ERROR'), reason: 'MISSING_EVIDENCE' },
    { ...v(3, '10.0.0.3', 'xid', 'FAIL'), reason: 'HARDWARE' },
    v(3, '10.0.0.3', 'nvlink', 'PASS'),
  ]

  it('keeps only the verdicts with the chosen reason', () => {
    const matrix = verdictMatrix(withReasons, false, 'MISSING_EVIDENCE')
    expect(matrix.checks).toEqual(['nvlink'])
    expect(matrix.rows.map((r) => r.nodeId)).toEqual([1, 2])
  })

  it('counts the verdicts per reason, a PASS under none', () => {
    expect(reasonCounts(withReasons)).toEqual({ THRESHOLD: 1, HARDWARE: 1, COULD_NOT_RUN: 0, MISSING_EVIDENCE: 2 })
  })
})

describe('wall time', () => {
  it('reads as milliseconds, seconds, minutes or hours', () => {
    expect(wallTime(850)).toBe('850 ms')
    expect(wallTime(12_400)).toBe('12.4 s')
    expect(wallTime(185_000)).toBe('3 min 5 s')
    expect(wallTime(3_601_250)).toBe('1 h 0 min')
  })
})
