// Git sources of the catalog (catalog as code): what the console shows of them and how it reads a
// sync's refusal (409: the branch moved since the plan, or the plan has conflicts).
import type { CatalogImportResult } from './catalogPlan'

export interface GitSource {
  id: number
  url: string
  refKind: 'BRANCH' | 'TAG'
  refName: string
  path: string
  lastCommit?: string | null
  lastSyncedAt?: string | null
  schedule?: string | null
  autoApply: boolean
  nextSyncAt?: string | null
  /** A scheduled sync's commit whose plan waits for approval. */
  pendingCommit?: string | null
  lastPlan?: CatalogImportResult | null
  lastOutcome?: string | null
}

/** A sync's answer: the commit fetched and its plan (applied or not). */
export interface GitSync {
  sourceId: number
  commit: string
  result: CatalogImportResult
}

export interface GitSourceForm {
  url: string
  refKind: 'BRANCH' | 'TAG'
  refName: string
  path: string
  schedule: string
  autoApply: boolean
}

/** The request body of a new source: trimmed, the ref as branch or tag, no empty schedule. */
export function draftOf(form: GitSourceForm): Record<string, unknown> {
  const ref = form.refName.trim()
  const schedule = form.schedule.trim()
  return {
    url: form.url.trim(),
    ...(form.refKind === 'TAG' ? { tag: ref } : { branch: ref }),
    path: form.path.trim(),
    ...(schedule ? { schedule, autoApply: form.autoApply } : {}),
  }
}

/** The first 10 hex digits of a commit id (the full id goes in a tooltip); '—' for none. */
export function shortCommit(commit?: string | null): string {
  return commit ? commit.slice(0, 10) : '—'
}

/** Why an apply was refused (its 409's members): the branch moved to another commit, or the plan has conflicts. */
export type SyncRefusal = { moved: string } | { conflicts: CatalogImportResult }

export function refusalOf(properties: Record<string, unknown>): SyncRefusal | undefined {
  const result = properties.result as CatalogImportResult | undefined
  if (result && Array.isArray(result.plan)) return { conflicts: { ...result, dryRun: true } }
  if (typeof properties.commit === 'string') return { moved: properties.commit }
  return undefined
}

/** One version an applied import made (`GET /catalog/imports`), with the commit it came from (null: an uploaded tree). */
export interface ImportRecord {
  importId: number
  sourceId?: number | null
  commit?: string | null
  kind: string
  name: string
  action: string
  version: number
  importedAt: string
  importedBy: string
}

/** version → commit of the versions of one item that came from a Git commit. */
export function commitsByVersion(records: ImportRecord[]): Map<number, string> {
  const commits = new Map<number, string>()
  for (const record of records) {
    if (record.commit && !commits.has(record.version)) commits.set(record.version, record.commit)
  }
  return commits
}
