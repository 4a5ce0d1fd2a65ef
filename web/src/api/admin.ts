// Typed calls for inventory changes and administration (users, tokens, audit).
import { request, http, type Query } from './http'
import type {
  ApiToken, AuditEvent, CreatedApiToken, CreatedEnrollmentToken, EnrollmentToken, InventoryNode, ManagedUser,
  MoveResult, NodeChange, NodePool, Page, PendingEnrollment, PendingEnrollmentStatus, PoolChange, PoolSpec, Role, SpareBurnIn, SpareBurnInChange, Tenant,
} from './types'
import type { PageRequest } from './index'

/** A pool's or node's variables: plain values in full, secrets by name only (write-only). */
export interface InventoryVars {
  vars: Record<string, unknown>
  secretVarsSet: string[]
}

/** A PUT of variables: `vars` replaces the plain values; a secret left out keeps its value, `null` removes it. */
export interface InventoryVarsChange {
  vars: Record<string, unknown>
  secretVars: Record<string, string | null>
}

export type VarsOwner = 'node-pools' | 'nodes'

/** What POST /nodes/{id}/test-connection or /credentials/{id}/test found. */
export interface ConnectionTest {
  reachable: boolean
  become: boolean
  message: string
  durationMs: number
}

const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body)
const del = (path: string) => request<void>('DELETE', path)

export const inventoryChanges = {
  /** Signs in to the node over SSH and becomes root, as a run would (takes up to the SSH connect timeout). */
  testConnection: (id: number) => http.post<ConnectionTest>(`/nodes/${id}/test-connection`, {}),
  createNode: (change: NodeChange) => http.post<InventoryNode>('/nodes', change),
  /** updateExisting: a line whose IP a node has updates that node (then `updated` counts them). */
  importCsv: (csv: string, updateExisting = false) =>
    http.post<{ imported: number; updated?: number }>('/nodes/import', updateExisting ? { csv, updateExisting } : { csv }),
  updateNode: (id: number, change: NodeChange) => put<InventoryNode>(`/nodes/${id}`, change),
  lockNode: (id: number, reason: string) => http.post<InventoryNode>(`/nodes/${id}/lock`, { reason }),
  unlockNode: (id: number) => http.post<InventoryNode>(`/nodes/${id}/unlock`, {}),
  deleteNode: (id: number) => del(`/nodes/${id}`),
  moveNodes: (poolId: number, nodeIds: number[], reason?: string) =>
    http.post<MoveResult>(`/node-pools/${poolId}/nodes`, { nodeIds, reason: reason || undefined }),
  createPool: (change: PoolChange) => http.post<NodePool>('/node-pools', change),
  updatePool: (id: number, change: PoolChange) => put<NodePool>(`/node-pools/${id}`, change),
  deletePool: (id: number) => del(`/node-pools/${id}`),
  lockPool: (id: number, reason: string) => http.post<NodePool>(`/node-pools/${id}/lock`, { reason }),
  unlockPool: (id: number) => http.post<NodePool>(`/node-pools/${id}/unlock`, {}),
  putPoolSpec: (id: number, spec: PoolSpec) => put<NodePool>(`/node-pools/${id}/spec`, spec),
  /** The spare pool's recurring burn-in of idle READY nodes. */
  burnIn: (id: number) => http.get<SpareBurnIn>(`/node-pools/${id}/burn-in`),
  putBurnIn: (id: number, change: SpareBurnInChange) => put<SpareBurnIn>(`/node-pools/${id}/burn-in`, change),
  vars: (owner: VarsOwner, id: number) => http.get<InventoryVars>(`/${owner}/${id}/vars`),
  putVars: (owner: VarsOwner, id: number, change: InventoryVarsChange) => put<InventoryVars>(`/${owner}/${id}/vars`, change),
  /** Delivery into a tenant's pool; {@code comment} with an override (ADMIN only). */
  deliverNode: (id: number, nodePoolId: number, override?: { comment: string }) =>
    http.post<InventoryNode>(`/nodes/${id}/deliver`, override ? { nodePoolId, override: true, comment: override.comment } : { nodePoolId }),
  createTenant: (name: string, description?: string) => http.post<Tenant>('/tenants', { name, description }),
  updateTenant: (id: number, name: string, description?: string) => put<Tenant>(`/tenants/${id}`, { name, description }),
  deleteTenant: (id: number) => del(`/tenants/${id}`),
}

/** The node as PUT /nodes/{id} wants it, with other labels. */
export function nodeChange(node: InventoryNode & { credentialId?: number | null }, labels: Record<string, string>): NodeChange {
  return {
    ip: node.ip, hostname: node.hostname, sshPort: node.sshPort, sshUser: node.sshUser, nodeType: node.nodeType,
    gpuType: node.gpuType, gpuCount: node.gpuCount, nodePoolId: node.nodePoolId, labels, credentialId: node.credentialId ?? null,
  }
}

export interface NewUser {
  username: string
  displayName?: string
  password: string
  role: Role
}

export interface UserChange {
  displayName?: string
  role: Role
  enabled?: boolean
  password?: string
}

export const users = {
  list: (page: PageRequest) => http.get<Page<ManagedUser>>('/users', { ...page }),
  create: (user: NewUser) => http.post<ManagedUser>('/users', user),
  update: (id: number, change: UserChange) => put<ManagedUser>(`/users/${id}`, change),
  remove: (id: number) => del(`/users/${id}`),
}

export const apiTokens = {
  list: (page: PageRequest) => http.get<Page<ApiToken>>('/api-tokens', { ...page }),
  create: (name: string, expiresInDays?: number) => http.post<CreatedApiToken>('/api-tokens', { name, expiresInDays }),
  revoke: (id: number) => del(`/api-tokens/${id}`),
}

export interface NewEnrollmentToken {
  expiresInMinutes?: number
  maxUses?: number
  nodePoolId?: number
  nodeId?: number
  description?: string
}

export const enrollmentTokens = {
  list: (all: boolean) => http.get<EnrollmentToken[]>('/agent-enrollment-tokens', { all }),
  create: (spec: NewEnrollmentToken) => http.post<CreatedEnrollmentToken>('/agent-enrollment-tokens', spec),
  revoke: (id: number) => del(`/agent-enrollment-tokens/${id}`),
}

export const pendingEnrollments = {
  list: (status: PendingEnrollmentStatus | 'ALL', page: PageRequest) =>
    http.get<Page<PendingEnrollment>>('/agent-enrollments', { status, ...page }),
  approve: (id: number, comment?: string) => http.post<PendingEnrollment>(`/agent-enrollments/${id}/approve`, { comment }),
  reject: (id: number, comment?: string) => http.post<PendingEnrollment>(`/agent-enrollments/${id}/reject`, { comment }),
}

export interface AuditFilter {
  actor?: string
  entityType?: string
  action?: string
  from?: string
  to?: string
}

export const audit = {
  list: (filter: AuditFilter, page: PageRequest) => http.get<Page<AuditEvent>>('/audit-events', { ...filter, ...page } as Query),
}

/** Where the SSH credentials' master key comes from and whether it works (ADMIN); never the key. */
export interface MasterKeyStatus {
  origin: 'ENVIRONMENT' | 'FILE' | 'GENERATED' | 'NONE'
  file?: string | null
  usable: boolean
  problem?: string | null
}

export const settings = {
  masterKey: () => http.get<MasterKeyStatus>('/settings/master-key'),
}

/** An SSH credential as the API shows it: which secrets exist and who uses it, never the secrets. */
export interface Credential {
  id: number
  name: string
  description?: string | null
  sshUser?: string | null
  keyType: string
  keyEncrypted: boolean
  fingerprint: string
  fingerprintSource: 'PUBLIC_KEY' | 'PRIVATE_KEY_TEXT'
  hasPassphrase: boolean
  hasBecomePassword: boolean
  /** SSH_KEY reaches nodes; PASSWORD (username + password) logs in to BMCs. */
  kind?: 'SSH_KEY' | 'PASSWORD'
  username?: string | null
  hasPassword?: boolean
  poolCount: number
  nodeCount: number
  bmcCount?: number
  createdAt: string
  createdBy?: string
  updatedAt?: string
  updatedBy?: string
}

/** The body of create and update: a secret left out is kept, an empty passphrase or become password removes it. */
export interface CredentialChange {
  name: string
  description?: string
  sshUser?: string
  privateKey?: string
  passphrase?: string
  becomePassword?: string
  /** PASSWORD with username and password (a BMC's login); left out means SSH_KEY. */
  kind?: 'SSH_KEY' | 'PASSWORD'
  username?: string
  password?: string
}

export const credentials = {
  list: (page: PageRequest, name?: string) => http.get<Page<Credential>>('/credentials', { ...page, name }),
  create: (change: CredentialChange) => http.post<Credential>('/credentials', change),
  update: (id: number, change: CredentialChange) => put<Credential>(`/credentials/${id}`, change),
  remove: (id: number) => del(`/credentials/${id}`),
  /** Signs in to the node with this credential (not the node's own) and becomes root. */
  test: (id: number, nodeId: number) => http.post<ConnectionTest>(`/credentials/${id}/test`, { nodeId }),
}

/** A node's BMC as GET/PUT /nodes/{id}/bmc answer it; the credential's password is never part of it. */
export interface NodeBmc {
  nodeId: number
  address: string
  port: number
  credentialId: number
  protocol: 'IPMI'
  updatedAt: string
  updatedBy: string
}

export interface NodeBmcChange {
  address: string
  port: number
  credentialId: number
  protocol: 'IPMI'
}

export const bmcs = {
  get: (nodeId: number) => http.get<NodeBmc>(`/nodes/${nodeId}/bmc`),
  put: (nodeId: number, change: NodeBmcChange) => put<NodeBmc>(`/nodes/${nodeId}/bmc`, change),
  remove: (nodeId: number) => del(`/nodes/${nodeId}/bmc`),
}
