// The runs history's filter lives in the URL query, so a filtered view can be shared as a link.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { RunFilter, RunStatus } from '../api'

export const RUN_STATUSES: RunStatus[] = ['PENDING_APPROVAL', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED']

export interface RunsView {
  filter: RunFilter
  page: number
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
const id = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined)
const instant = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined)

/** Reads the filter from the URL, dropping whatever is not a valid value. */
export function runsViewFromQuery(query: LocationQuery): RunsView {
  const status = text(query.status)
  return {
    filter: {
      jobId: id(query.jobId), nodeId: id(query.nodeId), user: text(query.user),
      status: status && (RUN_STATUSES as string[]).includes(status) ? status : undefined,
      from: instant(query.from), to: instant(query.to),
    },
    page: id(query.page) && id(query.page)! > 0 ? id(query.page)! : 1,
  }
}

/** The URL query of a filter: only what is set, the first page left out. */
export function queryFromRunsView(view: RunsView): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  for (const [key, value] of Object.entries(view.filter)) if (value !== undefined && value !== '') query[key] = String(value)
  if (view.page > 1) query.page = String(view.page)
  return query
}
