import { describe, expect, it } from 'vitest'
import { sideBySide } from './enrolmentFacts'
import type { PendingEnrollment } from '../api/types'

function entry(overrides: Partial<PendingEnrollment> = {}): PendingEnrollment {
  return {
    id: 7, status: 'PENDING', declaredIp: '10.0.0.5', nodeId: 3, tokenId: 9, tokenPoolId: 4, hostname: 'gpu-a',
    agentVersion: '1.0', seenFrom: '10.0.0.5', addressDiffers: false, at: '2026-01-01T00:00:00Z',
    facts: { hostname: 'gpu-a', gpu: { model: 'NVIDIA A10', count: 1, driverVersion: '550.54.15' }, kernel: '6.1' },
    known: { nodeId: 3, ip: '10.0.0.5', hostname: 'gpu-a', gpuType: 'NVIDIA H100 80GB HBM3', gpuCount: 8, nodePoolId: 2,
      nodePoolName: 'tenant_a', tenantId: 1, facts: { gpu: { driverVersion: '550.54.15' } } },
    ...overrides,
  }
}

describe('sideBySide', () => {
  it('sets each declared fact beside the known one and marks those that differ', () => {
    const rows = Object.fromEntries(sideBySide(entry()).map((row) => [row.fact, row]))

    expect(rows.hostname).toMatchObject({ declared: 'gpu-a', known: 'gpu-a', differs: false })
    expect(rows.gpuModel).toMatchObject({ declared: 'NVIDIA A10', known: 'NVIDIA H100 80GB HBM3', differs: true })
    expect(rows.gpuCount).toMatchObject({ declared: '1', known: '8', differs: true })
    expect(rows.driver.differs).toBe(false)
    expect(rows.pool).toMatchObject({ declared: '4', known: '2', differs: true })
  })

  it('does not call a fact only one side knows a difference', () => {
    const rows = Object.fromEntries(sideBySide(entry({ known: null })).map((row) => [row.fact, row]))

    expect(rows.kernel).toMatchObject({ declared: '6.1', known: '—', differs: false })
    expect(rows.hostname.known).toBe('—')
  })
})
