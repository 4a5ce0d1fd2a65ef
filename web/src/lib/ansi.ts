// ANSI SGR colour codes (as ansible writes them) to HTML spans. The text is HTML-escaped first,
// so that whatever a node printed can never become markup; only our own <span>s are added.

export interface AnsiState {
  fg?: string
  bg?: string
  bold: boolean
  dim: boolean
  italic: boolean
  underline: boolean
}

const COLOURS = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']

export function initialAnsiState(): AnsiState {
  return { bold: false, dim: false, italic: false, underline: false }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

function applyCodes(state: AnsiState, codes: number[]): AnsiState {
  const next = { ...state }
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]
    if (code === 0) Object.assign(next, initialAnsiState(), { fg: undefined, bg: undefined })
    else if (code === 1) next.bold = true
    else if (code === 2) next.dim = true
    else if (code === 3) next.italic = true
    else if (code === 4) next.underline = true
    else if (code === 22) next.bold = next.dim = false
    else if (code === 23) next.italic = false
    else if (code === 24) next.underline = false
    else if (code >= 30 && code <= 37) next.fg = COLOURS[code - 30]
    else if (code >= 90 && code <= 97) next.fg = `bright-${COLOURS[code - 90]}`
    else if (code === 39) next.fg = undefined
    else if (code >= 40 && code <= 47) next.bg = COLOURS[code - 40]
    else if (code >= 100 && code <= 107) next.bg = `bright-${COLOURS[code - 100]}`
    else if (code === 49) next.bg = undefined
    else if ((code === 38 || code === 48) && codes[i + 1] === 5) i += 2 // 256 colours: ignored
    else if ((code === 38 || code === 48) && codes[i + 1] === 2) i += 4 // true colour: ignored
  }
  return next
}

function classesOf(state: AnsiState): string[] {
  const classes: string[] = []
  if (state.fg) classes.push(`ansi-fg-${state.fg}`)
  if (state.bg) classes.push(`ansi-bg-${state.bg}`)
  if (state.bold) classes.push('ansi-bold')
  if (state.dim) classes.push('ansi-dim')
  if (state.italic) classes.push('ansi-italic')
  if (state.underline) classes.push('ansi-underline')
  return classes
}

// ESC [ params final-byte; only "m" (colours) changes anything, the rest is dropped.
const ESCAPE = /\u001b\[([0-9;?]*)([A-Za-z])/g

/**
 * Converts one chunk of text; pass the returned state to the next chunk so that colours carry
 * over chunk boundaries (as they do in a live log).
 */
export function ansiToHtml(text: string, state: AnsiState = initialAnsiState()): { html: string; state: AnsiState } {
  let html = ''
  let current = state
  let last = 0
  const emit = (plain: string) => {
    if (!plain) return
    const escaped = escapeHtml(plain)
    const classes = classesOf(current)
    html += classes.length ? `<span class="${classes.join(' ')}">${escaped}</span>` : escaped
  }
  for (const match of text.matchAll(ESCAPE)) {
    emit(text.slice(last, match.index))
    last = (match.index ?? 0) + match[0].length
    if (match[2] === 'm') {
      const codes = match[1] === '' ? [0] : match[1].split(';').map((c) => Number.parseInt(c || '0', 10))
      current = applyCodes(current, codes)
    }
  }
  emit(text.slice(last).replace(/\u001b/g, ''))
  return { html, state: current }
}

/** The text without any escape sequences, for search and copy. */
export function stripAnsi(text: string): string {
  return text.replace(ESCAPE, '').replace(/\u001b/g, '')
}
