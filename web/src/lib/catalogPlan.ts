// The plan of a catalog import (catalog as code), as the console shows it: counts per action, the
// "only changes" filter, a stable order (conflicts first) and whether it may be applied.

export const PLAN_ACTIONS = ['CONFLICT', 'CREATE', 'NEW_VERSION', 'UNCHANGED'] as const
export type PlanAction = (typeof PLAN_ACTIONS)[number]

/** The kinds an export can hold (`?include=`), in the server's order. */
export const CATALOG_KINDS = ['roles', 'operators', 'scripts', 'templates', 'jobs', 'health-policies'] as const
export type CatalogKind = (typeof CATALOG_KINDS)[number]

/** One line of the plan, as the server answers it (kind is singular: role, operator, ...). */
export interface PlanEntry {
  kind: string
  name: string
  action: PlanAction
  detail?: string | null
  problem?: string | null
  path?: string | null
  platformVersion?: number | null
  exportedFromVersion?: number | null
  appliedVersion?: number | null
}

export interface CatalogImportResult {
  plan: PlanEntry[]
  dryRun: boolean
  applied: boolean
  counts: Partial<Record<PlanAction, number>>
}

const KIND_ORDER = ['role', 'script', 'operator', 'template', 'job']

/** How many entries of each action; every action is present (0 when none). */
export function countsOf(plan: PlanEntry[]): Record<PlanAction, number> {
  const counts = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>
  for (const entry of plan) counts[entry.action] = (counts[entry.action] ?? 0) + 1
  return counts
}

/** CREATE and NEW_VERSION: entries that store something when applied. */
export const isChange = (entry: PlanEntry): boolean => entry.action === 'CREATE' || entry.action === 'NEW_VERSION'

/**
 * The entries to show: conflicts first, then creations, new versions and unchanged ones; within an
 * action in the order the import applies them (roles, scripts, operators, templates, jobs), then by name.
 * With onlyChanges the unchanged ones are left out (conflicts always stay).
 */
export function visibleEntries(plan: PlanEntry[], onlyChanges: boolean): PlanEntry[] {
  const rank = (list: readonly string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.length)
  return plan
    .filter((entry) => !onlyChanges || entry.action !== 'UNCHANGED')
    .slice()
    .sort((a, b) => rank(PLAN_ACTIONS, a.action) - rank(PLAN_ACTIONS, b.action)
      || rank(KIND_ORDER, a.kind) - rank(KIND_ORDER, b.kind)
      || a.name.localeCompare(b.name))
}

/** Apply only a plan without conflicts that changes something (the server would refuse or do nothing). */
export function canApply(plan: PlanEntry[]): boolean {
  return plan.length > 0 && !plan.some((entry) => entry.action === 'CONFLICT') && plan.some(isChange)
}

/** Element Plus tag types: CREATE green, NEW_VERSION blue, UNCHANGED grey, CONFLICT red. */
export function actionTagType(action: PlanAction): 'success' | 'primary' | 'info' | 'danger' {
  return ({ CREATE: 'success', NEW_VERSION: 'primary', UNCHANGED: 'info', CONFLICT: 'danger' } as const)[action] ?? 'info'
}

/** The `include` query of an export: undefined for all kinds (the server's default). */
export function includeOf(chosen: readonly string[]): string | undefined {
  const kinds = CATALOG_KINDS.filter((kind) => chosen.includes(kind))
  return kinds.length === CATALOG_KINDS.length ? undefined : kinds.join(',')
}

/** The plan a 409 answer carries (its problem's members), or undefined when it has none. */
export function planOfProblem(properties: Record<string, unknown>): CatalogImportResult | undefined {
  const plan = properties.plan
  if (!Array.isArray(plan)) return undefined
  return { plan: plan as PlanEntry[], dryRun: false, applied: false, counts: countsOf(plan as PlanEntry[]) }
}
