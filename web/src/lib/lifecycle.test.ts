import { describe, expect, it } from 'vitest'
import { countedStates, stateTagType } from './lifecycle'

describe('lifecycle', () => {
  it('lists the states with nodes in lifecycle order', () => {
    expect(countedStates({ MAINTENANCE: 1, NEW: 3, DELIVERED: 0, READY: 2 })).toEqual([
      { state: 'NEW', count: 3 }, { state: 'READY', count: 2 }, { state: 'MAINTENANCE', count: 1 }])
  })

  it('colours bad states as danger and good ones as success', () => {
    expect(stateTagType('FAILED_TESTING')).toBe('danger')
    expect(stateTagType('DELIVERED')).toBe('success')
    expect(stateTagType(undefined)).toBe('info')
  })
})
