import { describe, expect, it } from 'vitest'
import { decided, filterFromQuery, filterToQuery, severityTagType } from './healthFilter'

describe('healthFilter', () => {
  it('reads a filter from the page query and writes it back the same', () => {
    const filter = filterFromQuery({ poolId: '3', severity: 'critical', open: 'true' })

    expect(filter).toEqual({ nodeId: undefined, poolId: 3, severity: 'CRITICAL', open: true })
    expect(filterToQuery(filter)).toEqual({ poolId: '3', severity: 'CRITICAL', open: 'true' })
  })

  it('ignores malformed values instead of sending them', () => {
    expect(filterFromQuery({ nodeId: '5; drop', poolId: '-1', severity: 'FATAL', open: 'yes' }))
      .toEqual({ nodeId: undefined, poolId: undefined, severity: undefined, open: undefined })
  })

  it('keeps closed as a filter of its own', () => {
    expect(filterToQuery(filterFromQuery({ open: 'false' }))).toEqual({ open: 'false' })
  })

  it('shows a dash while no policy decided', () => {
    expect(decided(null)).toBe('—')
    expect(decided(2)).toBe('2')
    expect(decided('DRAIN')).toBe('DRAIN')
  })

  it('colours critical as danger and warning as warning', () => {
    expect(severityTagType('CRITICAL')).toBe('danger')
    expect(severityTagType('WARNING')).toBe('warning')
    expect(severityTagType('INFO')).toBe('info')
  })
})
