// What an agent waiting for approval declared, set beside what the inventory knows of the node.
import type { PendingEnrollment } from '../api/types'

export interface FactRow {
  /** i18n key under pendingEnrolment.fact */
  fact: string
  declared: string
  known: string
  differs: boolean
}

type Json = Record<string, unknown> | null | undefined

function at(tree: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) =>
    node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined, tree)
}

function text(value: unknown): string {
  return value === undefined || value === null || value === '' ? '—' : String(value)
}

/**
 * One row per fact an admin weighs before letting a new agent replace a node's: names, GPUs,
 * driver, kernel, memory and pool. A row differs when both sides are known and not equal.
 */
export function sideBySide(entry: PendingEnrollment): FactRow[] {
  const declared = entry.facts as Json
  const known = entry.known
  const knownFacts = known?.facts as Json
  const rows: [string, unknown, unknown][] = [
    ['hostname', at(declared, 'hostname') ?? entry.hostname, known?.hostname],
    ['gpuModel', at(declared, 'gpu.model'), known?.gpuType],
    ['gpuCount', at(declared, 'gpu.count'), known?.gpuCount],
    ['driver', at(declared, 'gpu.driverVersion'), at(knownFacts, 'gpu.driverVersion')],
    ['cuda', at(declared, 'gpu.cudaVersion'), at(knownFacts, 'gpu.cudaVersion')],
    ['os', at(declared, 'os.prettyName'), at(knownFacts, 'os.prettyName')],
    ['kernel', at(declared, 'kernel'), at(knownFacts, 'kernel')],
    ['memory', at(declared, 'memory.totalBytes'), at(knownFacts, 'memory.totalBytes')],
    ['pool', entry.tokenPoolId ?? null, known?.nodePoolId],
  ]
  return rows.map(([fact, d, k]) => {
    const declaredText = text(d)
    const knownText = text(k)
    return { fact, declared: declaredText, known: knownText, differs: declaredText !== '—' && knownText !== '—' && declaredText !== knownText }
  })
}
