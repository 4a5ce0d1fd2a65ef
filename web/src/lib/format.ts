// Small display helpers shared by the pages.

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || ms < 0) return '—'
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return ms < 1000 ? `${ms} ms` : `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

export function formatTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—'
  return new Date(iso).toLocaleString(locale, { hour12: false })
}

/** Milliseconds between two instants, or until now when the second is missing. */
export function elapsed(from: string | undefined, to: string | undefined, now: number = Date.now()): number | undefined {
  if (!from) return undefined
  return (to ? Date.parse(to) : now) - Date.parse(from)
}
