/** An audit snapshot as indented JSON; text that is not JSON is shown as it is. */
export function prettyJson(text: string | null | undefined): string {
  if (!text) return ''
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** The top-level members whose values differ between two snapshots, for highlighting. */
export function changedKeys(before: string | null | undefined, after: string | null | undefined): string[] {
  const read = (t: string | null | undefined): Record<string, unknown> => {
    try {
      const value = t ? JSON.parse(t) : {}
      return value && typeof value === 'object' && !Array.isArray(value) ? value : {}
    } catch {
      return {}
    }
  }
  const a = read(before)
  const b = read(after)
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort()
}

export interface JsonLine {
  text: string
  changed: boolean
}

/** The indented snapshot line by line, each marked when it belongs to a member that changed. */
export function markedLines(text: string | null | undefined, changed: string[]): JsonLine[] {
  let current = ''
  return prettyJson(text).split('\n').filter((line) => line !== '').map((line) => {
    const member = /^ {2}"([^"]+)":/.exec(line)
    if (member) current = member[1]
    else if (!line.startsWith('  ')) current = '' // the braces around the whole object
    return { text: line, changed: current !== '' && changed.includes(current) }
  })
}
