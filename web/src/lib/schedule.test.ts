import { describe, expect, it } from 'vitest'
import { describeWhen, timeInZone, zoneChoices } from './schedule'

describe('schedule display', () => {
  it('shows an instant as the wall-clock time of the chosen zone, across a daylight-saving change', () => {
    expect(timeInZone('2026-03-29T00:59:00Z', 'Europe/Berlin', 'en')).toMatch(/^2026-03-29 01:59 /)
    expect(timeInZone('2026-03-29T01:00:00Z', 'Europe/Berlin', 'en')).toMatch(/^2026-03-29 03:00 /)
    expect(timeInZone('2026-03-29T01:00:00Z', 'Asia/Shanghai', 'zh-CN')).toMatch(/^2026-03-29 09:00 /)
  })

  it('puts the given zones first, once each', () => {
    const zones = zoneChoices('Asia/Shanghai', 'UTC')
    expect(zones.slice(0, 2)).toEqual(['Asia/Shanghai', 'UTC'])
    expect(zones.filter((z) => z === 'UTC')).toHaveLength(1)
  })

  it('describes a cron schedule with its zone and an interval in minutes', () => {
    expect(describeWhen({ cron: '0 3 * * *', timeZone: 'Asia/Shanghai' }, (m) => `every ${m} min`)).toBe('0 3 * * * (Asia/Shanghai)')
    expect(describeWhen({ intervalSeconds: 5400 }, (m) => `every ${m} min`)).toBe('every 90 min')
  })
})
