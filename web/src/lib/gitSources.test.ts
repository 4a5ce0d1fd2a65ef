import { describe, expect, it } from 'vitest'
import { commitsByVersion, draftOf, refusalOf, shortCommit } from './gitSources'

describe('git sources', () => {
  it('sends a tag as tag, trims, and leaves out an empty schedule with its auto-apply', () => {
    expect(draftOf({ url: ' file:///r ', refKind: 'TAG', refName: ' v1 ', path: 'catalog', schedule: ' ', autoApply: true }))
      .toEqual({ url: 'file:///r', tag: 'v1', path: 'catalog' })
    expect(draftOf({ url: 'https://h/r.git', refKind: 'BRANCH', refName: 'main', path: '', schedule: '0 3 * * *', autoApply: false }))
      .toEqual({ url: 'https://h/r.git', branch: 'main', path: '', schedule: '0 3 * * *', autoApply: false })
  })

  it('shortens a commit to 10 digits and shows a dash for none', () => {
    expect(shortCommit('0123456789abcdef0123456789abcdef01234567')).toBe('0123456789')
    expect(shortCommit(null)).toBe('—')
  })

  it('reads a 409 as conflicts when it carries a plan, else as the branch having moved', () => {
    const plan = [{ kind: 'script', name: 'a', action: 'CONFLICT' as const, problem: 'CHANGED_IN_PLATFORM' }]
    const conflicts = refusalOf({ sourceId: 1, commit: 'abc', result: { plan, dryRun: false, applied: false, counts: { CONFLICT: 1 } } })
    expect(conflicts).toEqual({ conflicts: { plan, dryRun: true, applied: false, counts: { CONFLICT: 1 } } })
    expect(refusalOf({ detail: 'moved', commit: 'def' })).toEqual({ moved: 'def' })
    expect(refusalOf({ detail: 'other' })).toBeUndefined()
  })
})

describe('import records', () => {
  it('maps each version to the commit it was imported from, leaving out uploads', () => {
    const base = { importId: 1, kind: 'script', name: 'a', action: 'NEW_VERSION', importedAt: '', importedBy: 'x' }
    const commits = commitsByVersion([
      { ...base, version: 3, commit: null },
      { ...base, version: 2, commit: 'c2' },
      { ...base, version: 1, commit: 'c1' },
    ])
    expect([...commits.entries()]).toEqual([[2, 'c2'], [1, 'c1']])
  })
})
