import { describe, expect, it } from 'vitest'
import { burnInBody, burnInForm } from './spareBurnIn'

describe('spare burn-in form', () => {
  it('round-trips a setting into the body the API takes', () => {
    const form = burnInForm({
      poolId: 1, configured: true, enabled: true, tier: 'FULL', everyDays: 30, maxNodesAtOnce: 2,
      nextLookAt: null, lastLookAt: null, lastOutcome: null, updatedBy: 'admin', updatedAt: null,
    })
    expect(burnInBody(form)).toEqual({ enabled: true, tier: 'FULL', everyDays: 30, maxNodesAtOnce: 2 })
  })

  it('sends what is not a whole number as typed, for the server to refuse naming the field', () => {
    expect(burnInBody({ enabled: false, tier: 'QUICK', everyDays: ' 7 ', maxNodesAtOnce: '2.5' }))
      .toEqual({ enabled: false, tier: 'QUICK', everyDays: 7, maxNodesAtOnce: '2.5' })
  })
})
