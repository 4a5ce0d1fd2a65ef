// What a run's start asked for, as short lines the run page shows (ids as #n, labels as key=value).
import type { NodeSelector, RunStartOptions } from '../api/types'

export function selectorText(selector: NodeSelector | undefined, names: { node: string; pool: string }): string {
  if (!selector) return ''
  const parts: string[] = []
  if (selector.nodeIds?.length) parts.push(`${names.node} ${selector.nodeIds.map((id) => `#${id}`).join(', ')}`)
  if (selector.poolIds?.length) parts.push(`${names.pool} ${selector.poolIds.map((id) => `#${id}`).join(', ')}`)
  const labels = Object.entries(selector.labels ?? {})
  if (labels.length) parts.push(labels.map(([k, v]) => `${k}=${v}`).join(', '))
  return parts.join('; ')
}

/** Whether the start asked for anything beyond the job itself. */
export function askedAnything(options: RunStartOptions | undefined): boolean {
  if (!options) return false
  return options.checkMode || !!options.batchSize || options.skipLocked || Object.keys(options.extraVars ?? {}).length > 0
    || selectorText(options.limit, { node: '', pool: '' }) !== '' || selectorText(options.exclude, { node: '', pool: '' }) !== ''
}

/** Extra variables as "name=value" (the server already masked the secret-looking ones). */
export function extraVarsText(vars: Record<string, unknown> | undefined): string {
  return Object.entries(vars ?? {}).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ')
}
