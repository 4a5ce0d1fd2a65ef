// The lines a log viewer holds: converted from ANSI to HTML once, as they arrive, and kept as
// plain text for search. Only a window of them is ever in the DOM (see visibleWindow), and only
// the newest `maxLines` are kept in memory: a 50 MB log is read from its tail, and earlier parts
// are loaded on request.
import { ansiToHtml, initialAnsiState, type AnsiState } from './ansi'

const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]/g

export interface LogLine {
  html: string
  text: string
}

export class LogBuffer {
  lines: LogLine[] = []
  /** Lines dropped from the front to stay under maxLines (they can be loaded again). */
  dropped = 0
  private partial = ''
  private state: AnsiState = initialAnsiState()

  constructor(readonly maxLines = 200_000) {}

  /** Appends live output; a line without its newline yet waits for the rest. */
  append(text: string): number {
    const parts = (this.partial + text).split('\n')
    this.partial = parts.pop() ?? ''
    const added = parts.map((line) => this.convert(line))
    for (const line of added) this.lines.push(line)
    this.trim()
    return added.length
  }

  /** Adds earlier output in front (its colours start from the default: Ansible resets them at each line's end). */
  prepend(text: string): number {
    const body = text.endsWith('\n') ? text.slice(0, -1) : text
    if (!body) return 0
    let state = initialAnsiState()
    const earlier = body.split('\n').map((line) => {
      const converted = ansiToHtml(line, state)
      state = converted.state
      return { html: converted.html, text: line.replace(ESCAPES, '') }
    })
    this.lines = earlier.concat(this.lines)
    this.dropped = Math.max(0, this.dropped - earlier.length)
    return earlier.length
  }

  /** Indexes of the lines containing `query` (case-insensitive). */
  search(query: string): number[] {
    const needle = query.trim().toLowerCase()
    if (!needle) return []
    const found: number[] = []
    this.lines.forEach((line, index) => {
      if (line.text.toLowerCase().includes(needle)) found.push(index)
    })
    return found
  }

  clear(): void {
    this.lines = []
    this.dropped = 0
    this.partial = ''
    this.state = initialAnsiState()
  }

  private convert(line: string): LogLine {
    const converted = ansiToHtml(line, this.state)
    this.state = converted.state
    return { html: converted.html, text: line.replace(ESCAPES, '') }
  }

  private trim(): void {
    const excess = this.lines.length - this.maxLines
    if (excess > 0) {
      this.lines.splice(0, excess)
      this.dropped += excess
    }
  }
}

/** Which rows of a fixed-height list to render for a scroll position, with some overscan. */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 10) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan)
  const last = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan)
  return { first, last, before: first * rowHeight, after: (total - last) * rowHeight }
}
