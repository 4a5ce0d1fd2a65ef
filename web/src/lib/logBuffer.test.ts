import { describe, expect, it } from 'vitest'
import { LogBuffer, visibleWindow } from './logBuffer'

describe('LogBuffer', () => {
  it('keeps a line that has no newline yet until the rest arrives', () => {
    const buffer = new LogBuffer()
    expect(buffer.append('10.0.0.1 | hel')).toBe(0)
    expect(buffer.append('lo\n10.0.0.2 | ok\n')).toBe(2)
    expect(buffer.lines.map((l) => l.text)).toEqual(['10.0.0.1 | hello', '10.0.0.2 | ok'])
  })

  it('carries colours across lines and chunks, and escapes what nodes print', () => {
    const buffer = new LogBuffer()
    buffer.append('\u001b[31mfailed: <b>\n')
    buffer.append('still red\u001b[0m\n')
    expect(buffer.lines[0].html).toBe('<span class="ansi-fg-red">failed: &lt;b&gt;</span>')
    expect(buffer.lines[1].html).toBe('<span class="ansi-fg-red">still red</span>')
    expect(buffer.lines[0].text).toBe('failed: <b>')
  })

  it('keeps only the newest lines and counts what it dropped', () => {
    const buffer = new LogBuffer(3)
    buffer.append('1\n2\n3\n4\n5\n')
    expect(buffer.lines.map((l) => l.text)).toEqual(['3', '4', '5'])
    expect(buffer.dropped).toBe(2)
  })

  it('puts earlier output in front', () => {
    const buffer = new LogBuffer()
    buffer.append('3\n')
    expect(buffer.prepend('1\n2\n')).toBe(2)
    expect(buffer.lines.map((l) => l.text)).toEqual(['1', '2', '3'])
  })

  it('finds lines case-insensitively, without the colour codes', () => {
    const buffer = new LogBuffer()
    buffer.append('ok\n\u001b[31mFAILED\u001b[0m on gpu-3\nfailed again\n')
    expect(buffer.search('failed on')).toEqual([1])
    expect(buffer.search('FAILED')).toEqual([1, 2])
    expect(buffer.search('  ')).toEqual([])
  })
})

describe('visibleWindow', () => {
  it('renders only the rows in view plus overscan, with spacers for the rest', () => {
    const window = visibleWindow(18_000, 360, 18, 1_000_000, 5)
    expect(window.first).toBe(995)
    expect(window.last).toBe(1025)
    expect(window.before).toBe(995 * 18)
    expect(window.after).toBe((1_000_000 - 1025) * 18)
  })

  it('stays inside the list at both ends', () => {
    expect(visibleWindow(0, 400, 20, 3)).toEqual({ first: 0, last: 3, before: 0, after: 0 })
  })
})
