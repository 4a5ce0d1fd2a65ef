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
