// Typed calls to the REST API, one function per call the console makes.
import { http, type Query } from './http'
import type {
  ApprovalRule, InventoryNode, Job, LifecycleTransition, LogWindow, NodePool, Overview, Page, PoolHistoryEntry, Report, NodesComparison, Run, RunComparison, RunSummary, RunGroup, RunVerdict, StartPreview, StartRequest, Tenant, User,
} from './types'

export { ApiError } from './http'
export * from './types'

export interface PageRequest {
  page: number
  size: number
  sort?: string
}

export interface NodeFilter {
  poolId?: number
  tenantId?: number
  label?: string[]
  gpuType?: string
  locked?: boolean
  online?: boolean
  q?: string
}

export const auth = {
  login: (username: string, password: string) => http.post<User>('/auth/login', { username, password }),
  me: () => http.get<User>('/auth/me'),
  logout: () => http.post<void>('/auth/logout', undefined),
}

export const inventory = {
  nodes: (filter: NodeFilter, page: PageRequest) =>
    http.get<Page<InventoryNode>>('/nodes', { ...filter, ...page } as Query),
  node: (id: number) => http.get<InventoryNode>(`/nodes/${id}`),
  poolHistory: (id: number) => http.get<PoolHistoryEntry[]>(`/nodes/${id}/pool-history`),
  lifecycle: (id: number) => http.get<LifecycleTransition[]>(`/nodes/${id}/lifecycle`),
  pools: (page: PageRequest = { page: 0, size: 200 }, query: Query = {}) =>
    http.get<Page<NodePool>>('/node-pools', { ...query, ...page }),
  tenants: (page: PageRequest = { page: 0, size: 200 }) => http.get<Page<Tenant>>('/tenants', { ...page }),
  pool: (id: number) => http.get<NodePool>(`/node-pools/${id}`),
}

/** The home page's overview; with poolId, that pool's counts only (no runs). */
export const overview = {
  get: (poolId?: number, days = 30) => http.get<Overview>('/overview', { poolId, days }),
}

export const jobs = {
  list: (page: PageRequest, name?: string) => http.get<Page<Job>>('/jobs', { ...page, name }),
  get: (id: number) => http.get<Job>(`/jobs/${id}`),
  run: (id: number, request: StartRequest = {}) => http.post<RunSummary>(`/jobs/${id}/runs`, request),
  /** The nodes a start with these options would run on, locked ones with their lock; starts nothing. */
  preview: (id: number, request: StartRequest = {}) => http.post<StartPreview>(`/jobs/${id}/runs/preview`, request),
  approvalRule: (id: number) => http.get<ApprovalRule>(`/jobs/${id}/approval-rule`),
  setApprovalRule: (id: number, rule: ApprovalRule) => http.put<ApprovalRule>(`/jobs/${id}/approval-rule`, rule),
}

export interface RunFilter {
  jobId?: number
  status?: string
  nodeId?: number
  user?: string
  from?: string
  to?: string
}

/** The inventory a run's playbooks used (secrets as "<secret>"): groups with their hosts, group and host variables. */
export interface InventoryView {
  groups: Record<string, string[]>
  groupVars: Record<string, Record<string, unknown>>
  hostVars: Record<string, Record<string, unknown>>
}

/** One Ansible playbook's inventory, as recorded when it started; stepNames: the template steps it ran. */
export interface StepInventory extends InventoryView {
  taskId: number
  recordedAt: string
  stepNames: string[]
}

export interface RunInventory extends InventoryView {
  runId: number
  /** Each playbook's own, in the order they ran (absent from servers before per-step records). */
  steps?: StepInventory[]
}

export const runs = {
  list: (filter: RunFilter, page: PageRequest) => http.get<Page<RunSummary>>('/runs', { ...filter, ...page } as Query),
  get: (id: number) => http.get<Run>(`/runs/${id}`),
  reports: (id: number) => http.get<Report[]>(`/runs/${id}/reports`),
  inventory: (id: number) => http.get<RunInventory>(`/runs/${id}/inventory`),
  verdicts: (id: number) => http.get<RunVerdict[]>(`/runs/${id}/verdicts`),
  groups: (id: number) => http.get<RunGroup[]>(`/runs/${id}/groups`),
  cancel: (id: number) => http.post<RunSummary>(`/runs/${id}/cancel`),
  rerunFailed: (id: number, version: 'SAME' | 'LATEST' = 'SAME', fromFailedStep = false) =>
    http.post<RunSummary>(`/runs/${id}/rerun-failed`, { version, fromFailedStep }),
  resume: (id: number) => http.post<RunSummary>(`/runs/${id}/resume`),
  approve: (id: number, comment: string) => http.post<RunSummary>(`/runs/${id}/approve`, { comment }),
  reject: (id: number, comment: string) => http.post<RunSummary>(`/runs/${id}/reject`, { comment }),
  logWindow: (id: number, before?: number, chunks = 4) => http.get<LogWindow>(`/runs/${id}/log/window`, { before, chunks }),
  nodeOutput: (id: number, outputId: number, nodeId: number) => http.text(`/runs/${id}/log`, { outputId, nodeId }),
  eventsUrl: (id: number, after?: number) => `/api/v1/runs/${id}/events${after ? `?after=${after}` : ''}`,
  logUrl: (id: number) => `/api/v1/runs/${id}/log`,
  /** Run {@code a} against run {@code b}, node by node, differences first. */
  compare: (a: number, b: number, tolerancePercent?: number) =>
    http.get<RunComparison>(`/runs/${a}/compare/${b}`, { tolerancePercent } as Query),
  compareNodes: (id: number, a: number, b: number) => http.get<NodesComparison>(`/runs/${id}/compare-nodes`, { a, b }),
}
