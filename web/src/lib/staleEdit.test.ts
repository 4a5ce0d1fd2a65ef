import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/http'
import { staleVersion } from './staleEdit'

describe('staleVersion', () => {
  it('names the current version of a stale edit', () => {
    expect(staleVersion(new ApiError(409, 'changed meanwhile', [], { currentVersion: 4 }))).toBe(4)
  })

  it('ignores other conflicts and other failures', () => {
    expect(staleVersion(new ApiError(409, 'Another shell is already named x'))).toBeUndefined()
    expect(staleVersion(new ApiError(400, 'bad', [], { currentVersion: 4 }))).toBeUndefined()
    expect(staleVersion(new Error('network'))).toBeUndefined()
  })
})
