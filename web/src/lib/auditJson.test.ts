import { describe, expect, it } from 'vitest'
import { changedKeys, markedLines, prettyJson } from './auditJson'

describe('audit snapshots', () => {
  it('indents JSON and leaves other text alone', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}')
    expect(prettyJson('not json')).toBe('not json')
    expect(prettyJson(null)).toBe('')
  })

  it('names the members that changed, including added and removed ones', () => {
    expect(changedKeys('{"locked":false,"ip":"1.1.1.1","x":1}', '{"locked":true,"ip":"1.1.1.1","y":2}')).toEqual(['locked', 'x', 'y'])
    expect(changedKeys(null, '{"a":1}')).toEqual(['a'])
  })
})

describe('marked snapshot lines', () => {
  it('marks every line of a changed member, nested values included, and nothing else', () => {
    const lines = markedLines('{"ip":"1.1.1.1","labels":{"rack":"r2"}}', ['labels'])
    expect(lines.filter((l) => l.changed).map((l) => l.text.trim())).toEqual(['"labels": {', '"rack": "r2"', '}'])
    expect(lines.find((l) => l.text.includes('"ip"'))!.changed).toBe(false)
  })
})
