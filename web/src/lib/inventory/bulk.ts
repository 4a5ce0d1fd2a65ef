// Bulk actions on many nodes: one API call per node, a few at a time, so one refused node does
// not stop the others and every node gets its own result (done, skipped and why, failed and why).
import { ApiError } from '../../api/http'

export type OutcomeKind = 'done' | 'skipped' | 'failed'

export interface BulkOutcome {
  id: number
  name: string
  kind: OutcomeKind
  /** Why it was skipped or failed: the server's problem detail. */
  message?: string
}

export interface BulkProgress {
  done: number
  total: number
}

export interface BulkTarget {
  id: number
  name: string
}

export interface BulkOptions<T> {
  /** Why this target needs nothing (already locked, label already there), or undefined to act. */
  skip?: (target: T) => string | undefined
  concurrency?: number
  onProgress?: (progress: BulkProgress) => void
}

/** A readable message for anything thrown by an API call, field errors included. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.fieldErrors.map((f) => `${f.field}: ${f.message}`).filter((f) => !error.detail.includes(f))
    return [error.detail, ...fields].join('; ')
  }
  return error instanceof Error ? error.message : String(error)
}

/** Runs `action` on every target and answers one outcome per target, in the targets' order. */
export async function runBulk<T extends BulkTarget>(targets: T[], action: (target: T) => Promise<unknown>,
                                                   options: BulkOptions<T> = {}): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(targets.length)
  let next = 0
  let done = 0
  options.onProgress?.({ done, total: targets.length })
  async function worker() {
    while (next < targets.length) {
      const index = next++
      outcomes[index] = await outcomeOf(targets[index], action, options.skip)
      options.onProgress?.({ done: ++done, total: targets.length })
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, targets.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return outcomes
}

async function outcomeOf<T extends BulkTarget>(target: T, action: (target: T) => Promise<unknown>,
                                               skip?: (target: T) => string | undefined): Promise<BulkOutcome> {
  const reason = skip?.(target)
  if (reason) return { id: target.id, name: target.name, kind: 'skipped', message: reason }
  try {
    await action(target)
    return { id: target.id, name: target.name, kind: 'done' }
  } catch (e) {
    return { id: target.id, name: target.name, kind: 'failed', message: describeError(e) }
  }
}

export interface BulkSummary {
  done: number
  skipped: number
  failed: number
  /** The targets to keep selected: the ones that failed, so the user can retry them. */
  failedIds: number[]
}

export function summarise(outcomes: BulkOutcome[]): BulkSummary {
  const count = (kind: OutcomeKind) => outcomes.filter((o) => o.kind === kind).length
  return { done: count('done'), skipped: count('skipped'), failed: count('failed'),
    failedIds: outcomes.filter((o) => o.kind === 'failed').map((o) => o.id) }
}

/** Parses "key=value" for a label to add; undefined when it is not one. */
export function parseLabel(text: string): { key: string; value: string } | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9_./-]{0,62})=([A-Za-z0-9_.:-]{1,63})\s*$/.exec(text)
  return match ? { key: match[1], value: match[2] } : undefined
}

export const withLabel = (labels: Record<string, string>, key: string, value: string) => ({ ...labels, [key]: value })

export function withoutLabel(labels: Record<string, string>, key: string): Record<string, string> {
  const rest = { ...labels }
  delete rest[key]
  return rest
}
