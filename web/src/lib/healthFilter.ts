// The health page's filters as the URL keeps them (so that a link from the pool or home page opens
// the page filtered) and as the events call takes them.
import type { HealthEventFilter, HealthSeverity } from '../api/health'

export const SEVERITIES: HealthSeverity[] = ['CRITICAL', 'WARNING', 'INFO']

export type TagType = 'danger' | 'warning' | 'info'

export function severityTagType(severity: string): TagType {
  if (severity === 'CRITICAL') return 'danger'
  return severity === 'WARNING' ? 'warning' : 'info'
}

type RouteQuery = Record<string, unknown>

function id(value: unknown): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  const number = Number(text)
  return typeof text === 'string' && /^\d+$/.test(text) && number > 0 ? number : undefined
}

/** Reads the filter from the page's query; anything unknown or malformed is no filter. */
export function filterFromQuery(query: RouteQuery): HealthEventFilter {
  const severity = String(query.severity ?? '').toUpperCase() as HealthSeverity
  const open = query.open === 'true' ? true : query.open === 'false' ? false : undefined
  return {
    nodeId: id(query.nodeId), poolId: id(query.poolId), severity: SEVERITIES.includes(severity) ? severity : undefined, open,
  }
}

/** The filter as the page's query, without the empty ones. */
export function filterToQuery(filter: HealthEventFilter): Record<string, string> {
  const query: Record<string, string> = {}
  if (filter.nodeId) query.nodeId = String(filter.nodeId)
  if (filter.poolId) query.poolId = String(filter.poolId)
  if (filter.severity) query.severity = filter.severity
  if (filter.open !== undefined) query.open = String(filter.open)
  return query
}

/** What the policy decided, or "—" while nothing did. */
export function decided(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value)
}
