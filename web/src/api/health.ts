// Fleet health: the conditions agents report, their counts, and one node's health (events, the
// decisions about them, its repairs and recommendations).
import { ApiError, http, type Query } from './http'
import type { Page } from './types'
import type { PageRequest } from './index'

export type HealthSeverity = 'CRITICAL' | 'WARNING' | 'INFO'

/** One condition of one node; policyVersion and action stay null until a policy decided about it. */
export interface HealthEvent {
  id: number
  nodeId: number
  component: string
  code: string
  subject: string
  severity: HealthSeverity
  message: string
  evidence: string | null
  firstSeen: string
  lastSeen: string
  count: number
  open: boolean
  policyVersion: number | null
  action: string | null
}

export interface HealthEventFilter {
  nodeId?: number
  poolId?: number
  severity?: HealthSeverity
  open?: boolean
}

/** Open conditions counted by kind (component) and by severity. */
export interface HealthSummary {
  open: Record<string, number>
  bySeverity: Partial<Record<HealthSeverity, number>>
}

/**
 * A decision, repair or recommendation as GET /nodes/{id}/health lists it. Their shapes are the
 * decision engine's and the repair module's: the console reads the fields they share and shows
 * the rest as they come.
 */
export type HealthRecord = Record<string, unknown>

export interface NodeHealth {
  events?: HealthEvent[]
  decisions?: HealthRecord[]
  repairs?: HealthRecord[]
  recommendations?: HealthRecord[]
}

export const health = {
  events: (filter: HealthEventFilter, page: PageRequest) =>
    http.get<Page<HealthEvent>>('/health-events', { ...filter, ...page } as Query),
  summary: (poolId?: number) => http.get<HealthSummary>('/health-events/summary', { poolId }),
  /** The node's decisions, repairs and recommendations; null where this server has none to give yet (404). */
  node: async (id: number): Promise<NodeHealth | null> => {
    try {
      return await http.get<NodeHealth>(`/nodes/${id}/health`)
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null
      throw e
    }
  },
}
