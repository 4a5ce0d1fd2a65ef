// Typed calls for health policies (catalog data: versioned, ADMIN-only writes) and a pool's choice of one.
import { request } from './http'
import type { HealthPolicy, HealthPolicyDraft } from '../lib/healthPolicy'

export interface PoolHealthPolicy {
  poolId: number
  /** The pool's own choice; null: the fleet's default. */
  policyId: number | null
  effective: { id: number, name: string, version: number, dryRun: boolean }
}

const base = '/health-policies'

export const healthPolicies = {
  list: () => request<HealthPolicy[]>('GET', base),
  versions: (id: number) => request<HealthPolicy[]>('GET', `${base}/${id}/versions`),
  create: (draft: HealthPolicyDraft) => request<HealthPolicy>('POST', base, draft),
  update: (id: number, draft: HealthPolicyDraft) => request<HealthPolicy>('PUT', `${base}/${id}`, draft),
  ofPool: (poolId: number) => request<PoolHealthPolicy>('GET', `/node-pools/${poolId}/health-policy`),
  choose: (poolId: number, policyId: number | null) =>
    request<PoolHealthPolicy>('PUT', `/node-pools/${poolId}/health-policy`, { policyId }),
}
