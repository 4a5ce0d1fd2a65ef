// The health policy editor's logic: the form as the console keeps it, the checks it runs before
// saving (the server's, so that the operator sees the same words at once), and the request body.

export const REPAIR_ACTIONS = ['DRAIN', 'GPU_RESET', 'REBOOT', 'POWER_CYCLE', 'REINSTALL_DRIVER', 'RMA'] as const
export type RepairAction = (typeof REPAIR_ACTIONS)[number]
export const COMPONENTS = ['xid', 'sxid', 'gpu', 'nvlink', 'fabricmanager', 'infiniband', 'disk'] as const
export const SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const
export const DEFAULT_CHECKS = ['gpu_inventory', 'xid', 'ecc', 'row_remap', 'dcgm_diag']

export interface PolicyRule {
  match: { component: string, code: string }
  severity: string
  actions: RepairAction[]
  escalateAfterRepairs: number
}

export interface PolicyLimits { maxNodesPerPool: number, maxPercentPerPool: number, maxPerHour: number }

export interface HealthPolicyDraft {
  name: string
  rules: PolicyRule[]
  limits: PolicyLimits
  dryRun: boolean
  reacceptanceChecks: string[]
}

export interface HealthPolicy extends HealthPolicyDraft {
  id: number
  version: number
  latestVersion: number
  fleetDefault: boolean
  pools: number[]
  createdAt: string
  createdBy: string
}

/** A problem with the form: where (as the server names it) and a message key with its words. */
export interface DraftProblem { field: string, key: string, words?: Record<string, string | number> }

export function emptyDraft(): HealthPolicyDraft {
  return { name: '', rules: [], limits: { maxNodesPerPool: 1, maxPercentPerPool: 5, maxPerHour: 10 }, dryRun: false,
    reacceptanceChecks: [...DEFAULT_CHECKS] }
}

export function newRule(): PolicyRule {
  return { match: { component: 'xid', code: '' }, severity: 'CRITICAL', actions: ['DRAIN', 'REBOOT', 'RMA'], escalateAfterRepairs: 2 }
}

/** A deep copy of a stored version to edit (the stored one stays as it was). */
export function draftOf(policy: HealthPolicyDraft): HealthPolicyDraft {
  return {
    name: policy.name,
    rules: policy.rules.map((r) => ({ match: { ...r.match }, severity: r.severity, actions: [...r.actions], escalateAfterRepairs: r.escalateAfterRepairs })),
    limits: { ...policy.limits },
    dryRun: policy.dryRun,
    reacceptanceChecks: [...policy.reacceptanceChecks],
  }
}

/** The chain in the order the operator picked, then put right: DRAIN first and RMA last. */
export function orderedChain(picked: readonly string[]): RepairAction[] {
  const known = [...new Set(picked)].filter((a): a is RepairAction => (REPAIR_ACTIONS as readonly string[]).includes(a))
  const repairs = known.filter((a) => a !== 'DRAIN' && a !== 'RMA')
  return [...(known.includes('DRAIN') || repairs.length > 0 || known.includes('RMA') ? ['DRAIN' as const] : []), ...repairs,
    ...(known.includes('RMA') ? ['RMA' as const] : [])]
}

export function problems(draft: HealthPolicyDraft): DraftProblem[] {
  const found: DraftProblem[] = []
  if (!draft.name.trim()) found.push({ field: 'name', key: 'required' })
  const seen = new Map<string, number>()
  draft.rules.forEach((rule, i) => {
    const at = `rules[${i}]`
    const code = rule.match.code.trim()
    if (!/^(\*|[A-Za-z0-9_]{1,64})$/.test(code)) found.push({ field: `${at}.match.code`, key: 'badCode' })
    const key = `${rule.match.component} ${code}`
    const earlier = seen.get(key)
    if (earlier !== undefined) found.push({ field: `${at}.match`, key: 'duplicate', words: { index: earlier } })
    else seen.set(key, i)
    rule.actions.forEach((action, a) => {
      if (a === 0 && action !== 'DRAIN') found.push({ field: `${at}.actions[0]`, key: 'drainFirst' })
      if (action === 'RMA' && a !== rule.actions.length - 1) found.push({ field: `${at}.actions[${a}]`, key: 'rmaLast' })
    })
    if (!Number.isInteger(rule.escalateAfterRepairs) || rule.escalateAfterRepairs < 0 || rule.escalateAfterRepairs > 10) {
      found.push({ field: `${at}.escalateAfterRepairs`, key: 'escalation' })
    }
  })
  for (const [name, value] of Object.entries(draft.limits)) {
    if (!Number.isInteger(value) || value < 0 || (name === 'maxPercentPerPool' && value > 100)) {
      found.push({ field: `limits.${name}`, key: 'limit' })
    }
  }
  return found
}

/** The body of POST / PUT: trimmed codes, the chain as ordered. */
export function toRequest(draft: HealthPolicyDraft): HealthPolicyDraft {
  const copy = draftOf(draft)
  copy.name = copy.name.trim()
  copy.rules.forEach((rule) => { rule.match.code = rule.match.code.trim() })
  return copy
}

/** How a chain reads in the table: "DRAIN → REBOOT → RMA", or the record-only words when empty. */
export function chainText(actions: readonly string[], recordOnly: string): string {
  return actions.length === 0 ? recordOnly : actions.join(' → ')
}
