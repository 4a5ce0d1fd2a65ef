// The variables editor of the pool and node pages: plain values typed as one JSON object, secrets
// as password fields (empty = keep, a text = replace, removed = null). Mirrors the server's rules so
// that a mistake shows before saving; the server checks again and has the last word.
import type { InventoryVars, InventoryVarsChange } from '../../api/admin'

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

export interface SecretRow {
  name: string
  text: string
  set: boolean
  removed: boolean
}

export type VarsProblem = { code: 'json'; detail: string } | { code: 'object' } | { code: 'name'; name: string }

export function varsText(vars: Record<string, unknown>): string {
  return Object.keys(vars).length ? JSON.stringify(vars, null, 2) : '{}'
}

export function secretRows(current: InventoryVars): SecretRow[] {
  return current.secretVarsSet.map((name) => ({ name, text: '', set: true, removed: false }))
}

/** Why a name cannot be a variable: not an identifier, or the platform's own (devops_*) or Ansible's (ansible_*). */
export function nameProblem(name: string): boolean {
  return !IDENTIFIER.test(name) || name.startsWith('devops_') || name.startsWith('ansible_')
}

/** The plain values typed, or the problem with them. */
export function parseVars(text: string): { vars: Record<string, unknown> } | { problem: VarsProblem } {
  let value: unknown
  try {
    value = JSON.parse(text.trim() === '' ? '{}' : text)
  } catch (e) {
    return { problem: { code: 'json', detail: e instanceof Error ? e.message : String(e) } }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: { code: 'object' } }
  const bad = Object.keys(value).find(nameProblem)
  return bad !== undefined ? { problem: { code: 'name', name: bad } } : { vars: value as Record<string, unknown> }
}

/** The PUT body: only secrets typed (replace or new) or removed are sent; the others keep their value. */
export function changeOf(vars: Record<string, unknown>, secrets: SecretRow[]): InventoryVarsChange {
  const secretVars: Record<string, string | null> = {}
  for (const row of secrets) {
    if (row.removed && row.set) secretVars[row.name] = null
    else if (!row.removed && row.text !== '') secretVars[row.name] = row.text
  }
  return { vars, secretVars }
}
