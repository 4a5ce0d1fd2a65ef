import { describe, expect, it } from 'vitest'
import { specBody, specForm, specProblems } from './poolSpec'

describe('pool spec form', () => {
  it('round-trips a spec, empty fields declaring nothing', () => {
    const form = specForm({ gpuModel: 'H100', gpuCount: 8, nvswitch: true, driverVersion: '550.54.15', acceptanceMaxAgeDays: 7 })
    expect(form.nicCount).toBe('')
    expect(specBody(form)).toEqual({ gpuModel: 'H100', gpuCount: 8, nvswitch: true, nicCount: null, nicLinkRateGbps: null,
      driverVersion: '550.54.15', cudaVersion: null, fabricManagerVersion: null, acceptanceMaxAgeDays: 7, deliveryTier: null, tierValidForDays: null })
  })

  it('sends the burn-in tier and its days, and names days that are not whole numbers', () => {
    const form = specForm({ deliveryTier: 'FULL', tierValidForDays: 30 })
    expect(form.deliveryTier).toBe('FULL')
    expect(specBody(form)).toMatchObject({ deliveryTier: 'FULL', tierValidForDays: 30 })
    expect(specProblems({ ...form, tierValidForDays: '30d' })).toEqual(['tierValidForDays'])
  })

  it('names the count fields that are not whole numbers', () => {
    const form = { ...specForm(null), gpuCount: '8x', nicCount: '4' }
    expect(specProblems(form)).toEqual(['gpuCount'])
  })
})
