// Typed calls for a job's schedules and the preview of their next starts.
import { request } from './http'

export type Overlap = 'SKIP' | 'QUEUE_ONE'
export type Missed = 'RUN_ONCE' | 'SKIP'

/** What the user sets: exactly one of `cron` (with `timeZone`) and `intervalSeconds`. */
export interface ScheduleDraft {
  cron?: string
  timeZone?: string
  intervalSeconds?: number
  enabled: boolean
  overlap: Overlap
  missed: Missed
  endsAt?: string
}

export interface Schedule extends ScheduleDraft {
  id: number
  jobId: number
  timeZone: string
  nextStartAt?: string
  nextStarts: string[]
  lastStartAt?: string
  lastRunId?: number
  lastOutcome?: string
  starter: string
  version: number
}

export interface PreviewQuery {
  cron?: string
  timeZone?: string
  intervalSeconds?: number
  count?: number
}

const basedOn = (version?: number): Record<string, string> => (version === undefined ? {} : { 'If-Match': `"${version}"` })

export const schedules = {
  ofJob: (jobId: number) => request<Schedule[]>('GET', `/jobs/${jobId}/schedules`),
  create: (jobId: number, draft: ScheduleDraft) => request<Schedule>('POST', `/jobs/${jobId}/schedules`, draft),
  update: (id: number, draft: ScheduleDraft, version?: number) =>
    request<Schedule>('PUT', `/schedules/${id}`, draft, undefined, 'application/json', basedOn(version)),
  remove: (id: number, version?: number) =>
    request<void>('DELETE', `/schedules/${id}`, undefined, undefined, 'application/json', basedOn(version)),
  preview: (query: PreviewQuery) => request<string[]>('GET', '/schedules/preview', undefined, { ...query }),
}
