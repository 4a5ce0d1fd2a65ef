import { describe, expect, it } from 'vitest'
import { afterStreamEnd, Backoff, ChunkCursor } from './streamResume'

describe('Backoff', () => {
  it('doubles the wait from one second up to fifteen seconds', () => {
    const backoff = new Backoff()
    expect(Array.from({ length: 7 }, () => backoff.next())).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000])
  })

  it('starts again from one second once a stream works', () => {
    const backoff = new Backoff()
    backoff.next()
    backoff.next()
    backoff.reset()
    expect(backoff.next()).toBe(1000)
  })

  it('stays at the cap however many tries failed', () => {
    const backoff = new Backoff()
    for (let i = 0; i < 2000; i++) backoff.next()
    expect(backoff.next()).toBe(15000)
  })
})

describe('ChunkCursor', () => {
  it('shows each chunk once, however often a reconnect replays it', () => {
    const cursor = new ChunkCursor()
    const shown = [1, 2, 3, 2, 3, 4, 4, 5].filter((seq) => cursor.accept(seq))
    expect(shown).toEqual([1, 2, 3, 4, 5])
    expect(cursor.lastSeq).toBe(5)
  })

  it('starts after the tail the page read, never before it', () => {
    const cursor = new ChunkCursor()
    cursor.startAfter(40)
    expect(cursor.accept(40)).toBe(false)
    cursor.startAfter(12)
    expect(cursor.lastSeq).toBe(40)
    expect(cursor.accept(41)).toBe(true)
  })

  it('shows a chunk that has no number', () => {
    const cursor = new ChunkCursor()
    cursor.startAfter(3)
    expect(cursor.accept(Number(''))).toBe(true)
    expect(cursor.accept(Number.NaN)).toBe(true)
    expect(cursor.lastSeq).toBe(3)
  })
})

describe('afterStreamEnd', () => {
  it('stops once the run has ended and its last chunk is shown', () => {
    expect(afterStreamEnd(true, 12, 12)).toBe('done')
    expect(afterStreamEnd(true, 0, 0)).toBe('done')
  })

  it('resumes while the run is live, whatever the log holds', () => {
    expect(afterStreamEnd(false, 12, 12)).toBe('resume')
    expect(afterStreamEnd(false, 12, undefined)).toBe('resume')
  })

  it('resumes an ended run whose log is not all shown, or when its end could not be read', () => {
    expect(afterStreamEnd(true, 11, 12)).toBe('resume')
    expect(afterStreamEnd(true, 12, undefined)).toBe('resume')
  })
})
