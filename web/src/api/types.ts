// The shapes of the API's answers, as far as the console uses them (see /work/shared/API.md).

export interface Page<T> {
  items: T[]
  total: number
  page: number
  size: number
}

export type Role = 'ADMIN' | 'OPERATOR' | 'VIEWER'

export interface User {
  id: number
  username: string
  displayName?: string
  /** Absent or null for a tenant user, who has tenantRoles instead. */
  role?: Role | null
  tenantRoles?: TenantRole[]
}

export interface TenantRole {
  tenantId: number
  role: 'OPERATOR' | 'VIEWER'
}

export interface Lock {
  locked: boolean
  lockedBy?: string
  lockedAt?: string
  lockReason?: string
}

export interface Tenant {
  id: number
  name: string
  /** Derived from the name: the tenant's Ansible group is tenant_<slug>. */
  slug?: string
  description?: string
  poolCount: number
  createdAt: string
  createdBy: string
}

export interface NodePool extends Lock {
  id: number
  name: string
  /** Derived from the name: the pool's Ansible group is pool_<slug>. */
  slug?: string
  tenantId?: number
  tenantName?: string
  description?: string
  spare: boolean
  /** The SSH credential of the pool's nodes (a node's own credential wins). */
  credentialId?: number | null
  nodeCount: number
  labels: Record<string, string>
  spec?: PoolSpec | null
  createdAt: string
}

export interface AgentPresence {
  status: 'ONLINE' | 'OFFLINE'
  lastSeenAt?: string
}

export interface InventoryNode extends Lock {
  id: number
  ip: string
  hostname?: string
  nodeType?: string
  gpuType?: string
  gpuCount?: number
  sshPort: number
  sshUser?: string
  nodePoolId: number
  nodePoolName?: string
  tenantId?: number
  /** The node's own SSH credential; none: its pool's. */
  credentialId?: number | null
  registeredAt: string
  labels: Record<string, string>
  agent?: AgentPresence
  facts?: Record<string, unknown>
  /** Only on a single node: the SSH host key recorded on first contact, checked on every later one. */
  hostKey?: HostKey
  /** Its lifecycle state (on list pages too). */
  lifecycle?: LifecycleState
  /** Only on a single node: its acceptance (worst latest verdict per check) and an override of the gate. */
  acceptance?: NodeAcceptance
  deliveryOverride?: DeliveryOverride
  createdAt: string
  createdBy: string
  updatedAt?: string
  updatedBy?: string
  /** Sent back with an edit so that a change made meanwhile by someone else is refused, not overwritten. */
  version?: number
}

export interface HostKey {
  type: string
  publicKey: string
  /** As ssh-keygen -l prints it: SHA256:... */
  fingerprint: string
  recordedAt: string
}

export interface PoolHistoryEntry {
  fromPoolId?: number
  fromPoolName?: string
  toPoolId: number
  toPoolName: string
  reason?: string
  movedAt: string
  movedBy: string
}

export interface JobTarget {
  type: 'node' | 'node_pool'
  id: number
}

export interface JobItem {
  sequence: number
  templateId: number
  templateName: string
  templateVersion: number
  targets: JobTarget[]
}

export interface Job {
  id: number
  version: number
  latest: boolean
  name: string
  comments?: string
  failurePolicy: FailurePolicy
  items: JobItem[]
  /** What a start may give as extra variables (a survey). */
  parameters?: JobParameter[]
  createdAt: string
  createdBy: string
}

/** STOP_NODE (the default): a failed node stops, the others go on; STOP: the whole run stops; CONTINUE: as STOP_NODE (older name). */
export type FailurePolicy = 'STOP_NODE' | 'STOP' | 'CONTINUE'

export type ParameterType = 'STRING' | 'INT' | 'BOOL' | 'CHOICE'

/** A variable a job asks for at start, passed to Ansible as an extra variable. */
export interface JobParameter {
  name: string
  type: ParameterType
  required: boolean
  defaultValue?: string | number | boolean | null
  choices?: string[]
  description?: string | null
}

/** Nodes by id, pool or labels (a node matches any part given; labels: every one of them). */
export interface NodeSelector {
  nodeIds?: number[]
  labels?: Record<string, string>
  poolIds?: number[]
}

/** The body of POST /jobs/{id}/runs (and /runs/preview). */
export interface StartRequest {
  version?: number
  limit?: NodeSelector
  exclude?: NodeSelector
  extraVars?: Record<string, string | number | boolean>
  checkMode?: boolean
  batchSize?: number
  skipLocked?: boolean
}

export interface PreviewNode {
  id: number
  ip: string
  hostname?: string
  nodePoolId: number
  nodePoolName: string
  locked: boolean
  lockReason?: string
}

/** What a start would run on: POST /jobs/{id}/runs/preview. */
export interface StartPreview {
  nodes: PreviewNode[]
  total: number
  runnable: number
  locked: number
}

/** What a run's start asked for, as GET /runs/{id} shows it (secret-looking extra variables masked). */
export interface RunStartOptions {
  limit: NodeSelector
  exclude: NodeSelector
  extraVars: Record<string, unknown>
  checkMode: boolean
  batchSize?: number | null
  skipLocked: boolean
}

export interface SkippedNode {
  nodeId: number
  ip: string
  hostname?: string
  reason: string
}

export type RunStatus = 'PENDING_APPROVAL' | 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'INTERRUPTED'
export type StepStatus = RunStatus | 'PENDING' | 'SKIPPED' | 'UNREACHABLE'

export interface RunSummary {
  id: number
  jobId: number
  jobVersion: number
  jobName: string
  kind: string
  status: RunStatus
  message?: string
  executedBy: string
  queuedAt: string
  startedAt?: string
  finishedAt?: string
  durationMs?: number
  cancelRequested: boolean
  /** The run whose failed nodes this one runs again. */
  previousRunId?: number
}

/** Why a node did not run a step (its cell is SKIPPED). */
export type NotRunReason = 'EARLIER_STEP_FAILED' | 'RUN_STOPPED' | 'CANCELLED' | 'INTERRUPTED'

export interface RunHost {
  nodeId: number
  ip: string
  status: StepStatus
  rc?: number
  durationMs?: number
  message?: string
  /** Set when the node did not run the step (status SKIPPED). */
  notRunReason?: NotRunReason
  /** The task a RUNNING node is at, from Ansible's events. */
  progress?: string
}

export interface RunStep {
  sequence: number
  name: string
  type: string
  version?: number
  dispatch?: string
  status: StepStatus
  durationMs?: number
  message?: string
  outputId?: number
  hosts: RunHost[]
}

export interface RunNode {
  nodeId: number
  ip: string
  hostname?: string
  nodePoolName?: string
  /** The node's outcome of its item: SUCCEEDED only if every step succeeded on it. */
  status?: StepStatus
}

export interface RunItem {
  sequence: number
  templateId: number
  templateName: string
  templateVersion: number
  nodes: RunNode[]
  steps: RunStep[]
}

export interface Run extends RunSummary {
  items: RunItem[]
  options?: RunStartOptions
  checkMode?: boolean
  skippedNodes?: SkippedNode[]
  /** The runs that re-ran this one's failed nodes, oldest first. */
  laterRunIds?: number[]
  /** Present when the run had to wait for a second person (status PENDING_APPROVAL until decided). */
  approval?: RunApproval
}

export interface RunApproval {
  reasons: string[]
  requestedBy: string
  requestedAt: string
  /** APPROVED, REJECTED or WITHDRAWN (its starter cancelled it); absent while undecided. */
  decision?: 'APPROVED' | 'REJECTED' | 'WITHDRAWN'
  decidedBy?: string
  decidedAt?: string
  comment?: string
}

/** When a job's runs wait for a second person: on a DELIVERED node, or on more than `aboveNodes` nodes. */
export interface ApprovalRule {
  whenDelivered: boolean
  aboveNodes?: number | null
}

/** Chunks firstSeq..lastSeq of a run's log, and whether earlier ones exist. */
export interface LogWindow {
  firstSeq: number
  lastSeq: number
  hasEarlier: boolean
  content: string
}

export interface Report {
  id: number
  nodeId: number
  ip?: string
  path: string
  content?: string
  sizeBytes: number
  truncated: boolean
  collectedAt: string
}

// ---- Catalog (roles, operators, scripts, templates) and job editing ----

/** A JSON scalar as the API types variable values: integers stay numbers, booleans booleans. */
export type Scalar = string | number | boolean
/** A list or map variable's value: nested JSON. */
export type JsonValue = Scalar | null | JsonValue[] | { [key: string]: JsonValue }

export type VariableTypeName = 'string' | 'path' | 'version' | 'integer' | 'boolean' | 'choice' | 'list' | 'map' | 'secret'

export interface CatalogRole {
  id: number
  name: string
  description?: string
  source: string
  deleted: boolean
  createdAt: string
  createdBy: string
  updatedAt?: string
  updatedBy?: string
}

export interface RoleVariable {
  id: number
  roleId: number
  name: string
  actionType: string
  type: VariableTypeName
  choices?: string[]
  required: boolean
  defaultValue?: JsonValue
  description?: string
  /** JSON Schema of the value (list and map variables above all). */
  schema?: JsonValue
  /** Its values reach Ansible as templates (declared so by an ADMIN); every other value is literal. */
  templated?: boolean
}

export interface RoleDetails extends CatalogRole {
  hasTasks: boolean
  files: string[]
  variables: RoleVariable[]
  /** The newest version of the role's files (null before the first upload). */
  version: number | null
  hash: string | null
  /** Counts every change to the role: what a change names in If-Match. */
  revision: number
  /** Roles meta/main.yml depends on and collections the role names, as its newest version pinned them. */
  dependencies?: string[]
  collections?: string[]
  needs?: RoleNeed[]
}

/** A role (its files version) or a collection (its version and SHA-256) a role version pinned. */
export interface RoleNeed {
  kind: 'role' | 'collection'
  name: string
  version: string
  sha256: string
}

/** An uploaded Ansible collection artifact, named by its MANIFEST.json. */
export interface AnsibleCollection {
  id: number
  namespace: string
  name: string
  version: string
  sha256: string
  size: number
}

/** One immutable version of a role's files, named by the hash of its content. */
export interface RoleVersion {
  id: number
  roleId: number
  version: number
  hash: string
  source: string
  fileCount: number
  totalBytes: number
  createdAt: string
  createdBy: string
}

export interface RoleFileChange {
  path: string
  change: 'ADDED' | 'REMOVED' | 'CHANGED'
  /** A unified diff; null for binary or very large files (see note). */
  diff: string | null
  note: string | null
}

export interface RoleDiff {
  from: number
  to: number
  files: RoleFileChange[]
  /** An upload's preview only: the variables the new files declare, and how they differ from the declared ones. */
  proposedVariables?: ProposedVariable[]
  variables?: VariableChanges
}

/** A variable as a role's files declare it (meta/argument_specs.yml, else defaults/main.yml). */
export interface ProposedVariable {
  name: string
  type: VariableTypeName
  required: boolean
  default?: JsonValue
  description?: string
  choices: string[]
  schema?: JsonValue
  /** The file and key it was read from. */
  source: string
}

export interface VariableChanges {
  added: string[]
  removed: string[]
  changed: { name: string; changes: string[] }[]
  brokenOperators: { id: number; name: string; version: number; reasons: string[] }[]
}

export interface VariableDraft {
  name: string
  actionType?: string
  type: VariableTypeName
  required: boolean
  defaultValue?: JsonValue
  choices?: string[]
  description?: string
  schema?: JsonValue
  templated?: boolean
}

export interface Operator {
  id: number
  name: string
  roleId: number
  roleName: string
  pkgVersion: string
  valueSetId: number
  valueSetVersion: number
  optVersion: number
  version: number
  originalOptId: number
  latest: boolean
  deleted: boolean
  description?: string
  values: Record<string, JsonValue>
  /** The secrets this version has: their values are never shown. */
  secretsSet?: string[]
  /** The version of the role's files this operator version runs (null while the role has none). */
  roleVersion: number | null
  roleHash: string | null
  createdAt: string
  createdBy: string
}

export interface OperatorDraft {
  roleId: number
  pkgVersion?: string
  name?: string
  description?: string
  values: Record<string, JsonValue>
}

export type Dispatch = 'ansible' | 'agent' | 'launcher'

export interface ShellParameter {
  name: string
  type: VariableTypeName
  pattern: string
  required: boolean
  defaultValue?: string | null
  description?: string
}

export interface Shell {
  id: number
  name: string
  description?: string
  command: string
  dispatch: Dispatch
  version: number
  originalShellId: number
  latest: boolean
  deleted: boolean
  parameters: ShellParameter[]
  reports: string[]
  createdAt: string
  createdBy: string
  /** The unprivileged node user the script runs as (agent dispatch only); null: the agent's own user. */
  runAs?: string | null
}

export interface ShellDraft {
  name: string
  description?: string
  command: string
  parameters: { name: string; type?: VariableTypeName; pattern?: string; required: boolean; description?: string; defaultValue?: string | null }[]
  reports: string[]
  dispatch: Dispatch
  runAs?: string
}

export type StepType = 'operator' | 'script'

export interface TemplateStepView {
  sequence: number
  type: StepType
  operatorId?: number
  shellId?: number
  name: string
  refVersion: number
  dispatch?: Dispatch
  params?: Record<string, string>
}

export interface Template {
  id: number
  name: string
  description?: string
  version: number
  originalTemplateId: number
  latest: boolean
  deleted: boolean
  steps: TemplateStepView[]
  createdAt: string
  createdBy: string
}

export interface TemplateStepDraft {
  type: StepType
  operatorId?: number
  shellId?: number
  params?: Record<string, string>
  dispatch?: Dispatch
}

export interface TemplateDraft {
  name: string
  description?: string
  steps: TemplateStepDraft[]
}

export interface PlannedStepRef {
  sequence: number
  type: StepType
  refId: number
  name: string
  version: number
}

/** One unit of the compiled plan; the console shows it as the steps it covers. */
export interface PlannedUnit {
  sequence: number
  type: 'playbook' | 'shell'
  dispatch: Dispatch
  steps: PlannedStepRef[]
  playbook: string | null
  command: string | null
  roles?: string[]
  reports?: string[]
}

export interface TemplatePlan {
  templateId: number
  originalTemplateId: number
  version: number
  name: string
  tasks: PlannedUnit[]
}

export interface JobDraft {
  name: string
  comments?: string
  failurePolicy: FailurePolicy
  items: { templateId: number; targets: JobTarget[] }[]
  parameters?: JobParameter[]
}

// --- Inventory changes and administration (web-admin) ---

/** One problem with a request: a field, or "line 3" of an import. */
export interface InputError {
  field: string
  message: string
}

/** What PUT /nodes/{id} takes: the whole node, labels included. */
export interface NodeChange {
  ip: string
  hostname?: string
  sshPort?: number
  sshUser?: string
  nodeType?: string
  gpuType?: string
  gpuCount?: number
  nodePoolId?: number
  labels: Record<string, string>
  credentialId?: number | null
  version?: number
}

export interface PoolChange {
  name: string
  tenantId?: number | null
  description?: string
  credentialId?: number | null
  labels?: Record<string, string>
}

export interface MoveResult {
  moved: number
  nodePool: NodePool
}

export interface ManagedUser {
  id: number
  username: string
  displayName?: string
  role: Role
  enabled: boolean
  createdAt: string
  createdBy?: string
  updatedAt?: string
  updatedBy?: string
}

export interface ApiToken {
  id: number
  name: string
  username: string
  prefix: string
  createdAt: string
  expiresAt?: string
  lastUsedAt?: string
  revokedAt?: string
}

/** The only answer that holds the token itself. */
export interface CreatedApiToken {
  id: number
  name: string
  token: string
  prefix: string
  createdAt: string
  expiresAt?: string
}

export interface EnrollmentToken {
  id: number
  prefix: string
  description?: string
  nodePoolId?: number
  /** The one node this token re-enrols (a reinstalled host). */
  nodeId?: number | null
  maxUses: number
  uses: number
  expiresAt: string
  lastUsedAt?: string
  revokedAt?: string
  revokedBy?: string
  createdAt: string
  createdBy: string
}

export type PendingEnrollmentStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CLAIMED'

/** What the inventory knows of the node whose address a waiting agent declared. */
export interface KnownNodeFacts {
  nodeId: number
  ip: string
  hostname?: string | null
  gpuType?: string | null
  gpuCount?: number | null
  nodePoolId: number
  nodePoolName?: string | null
  tenantId?: number | null
  facts?: unknown
}

/** An agent that declared a known node's address and waits for an admin. */
export interface PendingEnrollment {
  id: number
  status: PendingEnrollmentStatus
  declaredIp: string
  nodeId: number
  tokenId: number
  tokenPoolId?: number | null
  hostname?: string | null
  agentVersion?: string | null
  facts: unknown
  seenFrom?: string | null
  addressDiffers: boolean
  at: string
  known: KnownNodeFacts | null
  decidedAt?: string | null
  decidedBy?: string | null
  comment?: string | null
}

export interface CreatedEnrollmentToken extends Omit<EnrollmentToken, 'lastUsedAt' | 'revokedAt' | 'revokedBy'> {
  token: string
}

export interface AuditEvent {
  id: number
  occurredAt: string
  actor: string
  action: string
  entityType: string
  entityId?: string
  summary: string
  before?: string
  after?: string
}

export type LifecycleState = 'NEW' | 'COMMISSIONING' | 'TESTING' | 'READY' | 'FAILED_TESTING' | 'DELIVERED' | 'RELEASING'
  | 'BROKEN' | 'MAINTENANCE' | 'REPAIR' | 'RMA'

export interface NodeAcceptance {
  verdict: 'PASS' | 'WARN' | 'FAIL' | 'ERROR' | null
  runId: number | null
  at: string | null
}

export interface DeliveryOverride {
  by: string
  at: string
  comment: string
}

/** One recorded move of a node's lifecycle, oldest first in GET /nodes/{id}/lifecycle. */
export interface LifecycleTransition {
  from?: LifecycleState
  to: LifecycleState
  at: string
  actor: string
  runId?: number
  reason?: string
  override: boolean
}

export type CheckVerdict = 'PASS' | 'WARN' | 'FAIL' | 'ERROR'

/** Why a verdict is not PASS: below its line, a fault seen, the tool could not run, no report or measurement. */
export type FailureReason = 'THRESHOLD' | 'HARDWARE' | 'COULD_NOT_RUN' | 'MISSING_EVIDENCE'

export const FAILURE_REASONS: FailureReason[] = ['THRESHOLD', 'HARDWARE', 'COULD_NOT_RUN', 'MISSING_EVIDENCE']

/** One check judged on one node in a run: GET /runs/{id}/verdicts. */
/** One all_reduce run of a multi-node step at a scale or of the bisection (server: GET /runs/{id}/groups). */
export interface RunGroup {
  taskId?: number | null
  number: number
  scale: 'PAIR' | 'GROUP' | 'ALL'
  nodes: number[]
  check: string
  measured?: number | null
  threshold?: number | null
  unit?: string | null
  verdict: CheckVerdict
  reason?: FailureReason | null
  message: string
  /** Round 0 is a planned scale; the suspects are the nodes of a low group not cleared, that this run tested. */
  bisection: { round: number; suspects: number[] }
}

export interface RunVerdict {
  nodeId: number
  ip: string
  check: string
  verdict: CheckVerdict
  /** The baseline it was judged against, as it was then; absent when judged by its line alone. */
  baseline?: { id: number; value: number; samples: number } | null
  measured?: number | null
  threshold?: number | null
  unit?: string | null
  message: string
  /** Null on PASS. */
  reason?: FailureReason | null
  /** How long the check's tool ran on the node, in ms; absent when its report did not say. */
  wallMs?: number | null
}

/** What a pool's nodes must be (PUT /node-pools/{id}/spec); a null field declares nothing. */
export interface PoolSpec {
  gpuModel?: string | null
  gpuCount?: number | null
  nvswitch?: boolean | null
  nicCount?: number | null
  nicLinkRateGbps?: number | null
  driverVersion?: string | null
  cudaVersion?: string | null
  fabricManagerVersion?: string | null
  acceptanceMaxAgeDays?: number | null
  /** The burn-in tier delivery needs (a higher one satisfies it); null: every check's latest verdict passing, as before tiers. */
  deliveryTier?: BurnInTier | null
  /** Days that tier's passing run stays good; null: acceptanceMaxAgeDays. */
  tierValidForDays?: number | null
}

export type BurnInTier = 'QUICK' | 'STANDARD' | 'FULL'
export const BURN_IN_TIERS: BurnInTier[] = ['QUICK', 'STANDARD', 'FULL']

/** The spare pool's recurring burn-in (GET/PUT /node-pools/{id}/burn-in); `configured` false: never set (the defaults, off). */
export interface SpareBurnIn {
  poolId: number
  configured: boolean
  enabled: boolean
  tier: BurnInTier
  everyDays: number
  maxNodesAtOnce: number
  nextLookAt: string | null
  lastLookAt: string | null
  lastOutcome: string | null
  updatedBy: string | null
  updatedAt: string | null
}

/** A PUT of the recurring burn-in; numbers as typed where they are not whole, so that the server names the field. */
export interface SpareBurnInChange {
  enabled: boolean
  tier: BurnInTier
  everyDays: number | string
  maxNodesAtOnce: number | string
}

export type StateCounts = Partial<Record<LifecycleState, number>>

export interface OverviewRun {
  id: number
  jobName: string
  status: StepStatus
  executedBy: string
  queuedAt: string
  startedAt?: string
  finishedAt?: string
  message?: string
}

export interface OverviewFailure {
  nodeId: number
  ip: string
  hostname?: string
  check: string
  verdict: CheckVerdict
  measured?: number
  threshold?: number
  unit?: string
  message: string
  runId: number
  at: string
}

export interface PassRateDay { day: string; judged: number; passed: number; rate: number }
export interface BusBandwidthDay { day: string; gpuModel: string; samples: number; average: number; min: number; max: number }

/** GET /overview: the home page (and, with poolId, the pool page). */
export interface Overview {
  poolId?: number
  days: number
  states: StateCounts
  pools: { poolId: number; poolName: string; tenantId?: number; tenantName?: string; nodes: number; states: StateCounts }[]
  tenants: { tenantId?: number; tenantName?: string; nodes: number; states: StateCounts }[]
  failingChecks: { check: string; nodes: number }[]
  runsInProgress: OverviewRun[]
  failedRuns: OverviewRun[]
  latestFailures: OverviewFailure[]
  passRate: PassRateDay[]
  ncclBusBandwidth: BusBandwidthDay[]
}

/** A node's outcome of one step in one run; NOT_RUN where it has no result (an earlier step failed, the run ended first). */
export interface StepCell {
  status: StepStatus | 'NOT_RUN'
  durationMs?: number
  message?: string
}

export interface CheckCell {
  verdict: string
  measured?: number
  threshold?: number
  unit?: string
  message?: string
}

/** What differs: status, duration, message (steps); verdict, measured (checks). A side without the step has no cell. */
export interface StepChange { name: string; a?: StepCell; b?: StepCell; changed: boolean; changes: string[] }
export interface CheckChange { check: string; a?: CheckCell; b?: CheckCell; changed: boolean; changes: string[] }

export interface NodeComparison {
  nodeId: number
  ip: string
  hostname?: string
  onlyIn?: 'a' | 'b'
  changed: boolean
  steps: StepChange[]
  acceptance: CheckChange[]
}

export interface RunRef { id: number; jobId: number; jobVersion: number; jobName: string; status: RunStatus; startedAt?: string; durationMs?: number }

export interface RunComparison {
  summary: {
    a: RunRef; b: RunRef; nodes: number; changedNodes: number; onlyInA: number; onlyInB: number; statusChanged: number
    durationChanged: number; messageChanged: number; acceptanceChanged: number; tolerancePercent: number
  }
  nodes: NodeComparison[]
}

export interface NodesComparison {
  a: { nodeId: number; ip: string; hostname?: string }
  b: { nodeId: number; ip: string; hostname?: string }
  changed: boolean
  steps: StepChange[]
  acceptance: CheckChange[]
}
