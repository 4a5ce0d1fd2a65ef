import { describe, expect, it } from 'vitest'
import { elapsed, formatDuration } from './format'

describe('formatDuration', () => {
  it('shows milliseconds, seconds, minutes and hours', () => {
    expect(formatDuration(120)).toBe('120 ms')
    expect(formatDuration(4_400)).toBe('4 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
    expect(formatDuration(3_725_000)).toBe('1 h 2 min')
    expect(formatDuration(undefined)).toBe('—')
  })

  it('measures a running interval up to now', () => {
    expect(elapsed('2026-01-01T00:00:00Z', undefined, Date.parse('2026-01-01T00:00:05Z'))).toBe(5000)
    expect(elapsed(undefined, undefined)).toBeUndefined()
  })
})
