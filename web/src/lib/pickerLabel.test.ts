import { describe, expect, it } from 'vitest'
import { pickerLabel, pickerParts } from './pickerLabel'

describe('picker labels', () => {
  it('tell apart two operators that share a name by package version, version and description', () => {
    const a = pickerLabel({ name: 'driver', pkgVersion: '550', version: 2, description: 'H100 nodes' })
    const b = pickerLabel({ name: 'driver', pkgVersion: '560', version: 2, description: 'H100 nodes' })
    const c = pickerLabel({ name: 'driver', pkgVersion: '550', version: 3, description: 'H100 nodes' })
    expect(new Set([a, b, c]).size).toBe(3)
    expect(a).toBe('driver 550 · v2 — H100 nodes')
  })

  it('do not repeat a package version the default name already ends with', () => {
    expect(pickerLabel({ name: 'ins_driver_cuda 550', pkgVersion: '550', version: 1 })).toBe('ins_driver_cuda 550 v1')
  })

  it('name a template by name and version, with its description on one short line', () => {
    expect(pickerLabel({ name: 'GPU 节点交付', version: 4 })).toBe('GPU 节点交付 v4')
    const long = pickerParts({ name: 't', version: 1, description: 'line one\nline two ' + 'x'.repeat(80) })
    expect(long.description).not.toContain('\n')
    expect(long.description).toHaveLength(60)
    expect(long.description.endsWith('…')).toBe(true)
  })
})
