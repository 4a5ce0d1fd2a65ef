// Display helpers for schedules: instants shown in a chosen IANA zone.

/** The browser's own time zone (an IANA name). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Every IANA zone the browser knows, the browser's own and the server's default first when given. */
export function zoneChoices(...first: (string | undefined)[]): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  const leading = first.filter((zone): zone is string => !!zone)
  return [...new Set([...leading, 'UTC', ...all])]
}

/** `2026-03-29 03:00 CEST`: the instant's wall-clock time in `zone`, with the zone's short name. */
export function timeInZone(iso: string, zone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short',
  }).formatToParts(new Date(iso))
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`
}

/** `cron 0 3 * * * (Asia/Shanghai)` or `every 90 min`, for the list. */
export function describeWhen(s: { cron?: string; timeZone?: string; intervalSeconds?: number }, everyLabel: (minutes: number) => string): string {
  if (s.cron) return `${s.cron} (${s.timeZone})`
  return everyLabel(Math.round((s.intervalSeconds ?? 0) / 60))
}
