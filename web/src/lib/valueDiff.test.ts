import { describe, expect, it } from 'vitest'
import { countChanges, diffValues } from './valueDiff'

describe('diffValues', () => {
  it('reports added, removed, changed and unchanged keys', () => {
    const changes = diffValues(
      { driver: '/pkg/550.run', cuda: '/pkg/cuda-12.2.run', retries: 1 },
      { cuda: '/pkg/cuda-12.3.run', retries: 1, fabric: '/pkg/fm.deb' },
    )
    expect(changes).toEqual([
      { key: 'cuda', kind: 'changed', before: '/pkg/cuda-12.2.run', after: '/pkg/cuda-12.3.run' },
      { key: 'retries', kind: 'same', before: 1, after: 1 },
      { key: 'fabric', kind: 'added', before: undefined, after: '/pkg/fm.deb' },
      { key: 'driver', kind: 'removed', before: '/pkg/550.run', after: undefined },
    ])
    expect(countChanges(changes)).toEqual({ added: 1, removed: 1, changed: 1 })
  })

  it('treats a typed value and its text as different', () => {
    expect(diffValues({ n: 1 }, { n: '1' })[0].kind).toBe('changed')
    expect(diffValues({ flag: false }, { flag: false })[0].kind).toBe('same')
  })

  it('finds nothing between two empty sets', () => {
    expect(diffValues({}, {})).toEqual([])
  })
})
