import { describe, expect, it } from 'vitest'
import type { Run } from '../api/types'
import { buildMatrix, cellStatus } from './matrix'

function run(status: Run['status'] = 'RUNNING'): Run {
  return {
    id: 7, jobId: 1, jobVersion: 2, jobName: 'delivery', kind: 'RUN', status, executedBy: 'admin',
    queuedAt: '2026-01-01T00:00:00Z', cancelRequested: false,
    items: [{
      sequence: 1, templateId: 3, templateName: 'driver', templateVersion: 1,
      nodes: [{ nodeId: 1, ip: '10.0.0.1' }, { nodeId: 2, ip: '10.0.0.2' }],
      steps: [
        { sequence: 1, name: 'install', type: 'operator', status: 'FAILED', hosts: [
          { nodeId: 1, ip: '10.0.0.1', status: 'SUCCEEDED' },
          { nodeId: 2, ip: '10.0.0.2', status: 'UNREACHABLE' },
        ] },
        { sequence: 2, name: 'check', type: 'script', status: 'QUEUED', hosts: [] },
      ],
    }],
  }
}

describe('buildMatrix', () => {
  it('has one row per node and one column per step', () => {
    const matrix = buildMatrix(run())
    expect(matrix.rows.map((r) => r.ip)).toEqual(['10.0.0.1', '10.0.0.2'])
    expect(matrix.columns.map((c) => c.label)).toEqual(['1.1 install', '1.2 check'])
  })

  it('puts each host status in its cell and pending where the step has not reached the node', () => {
    const matrix = buildMatrix(run())
    const [first, second] = matrix.rows
    expect(cellStatus(first, matrix.columns[0])).toBe('SUCCEEDED')
    expect(cellStatus(second, matrix.columns[0])).toBe('UNREACHABLE')
    expect(cellStatus(first, matrix.columns[1], matrix.finished)).toBe('PENDING')
  })

  it('shows no cell of an ended run as pending: a node without a row in a step did not run it', () => {
    const matrix = buildMatrix(run('FAILED'))
    expect(matrix.rows.map((row) => cellStatus(row, matrix.columns[1], matrix.finished))).toEqual(['NOT_RUN', 'NOT_RUN'])
    expect(matrix.columns[1].counts).toEqual({ NOT_RUN: 2 })
  })

  it('counts statuses per step and marks failed nodes', () => {
    const matrix = buildMatrix(run())
    expect(matrix.columns[0].counts).toEqual({ SUCCEEDED: 1, UNREACHABLE: 1 })
    expect(matrix.rows.filter((r) => r.failed).map((r) => r.nodeId)).toEqual([2])
  })
})
