// The script form: which <placeholders> a command uses, and what the API takes.
import type { Dispatch, ShellDraft, ShellParameter, VariableTypeName } from '../api/types'
import { wholeMatch } from './valueCheck'

export interface ParameterRow {
  name: string
  type: VariableTypeName
  pattern: string
  required: boolean
  defaultValue: string
  description: string
}

export interface ScriptForm {
  name: string
  description: string
  command: string
  dispatch: Dispatch
  /** Empty: the agent's own user (root). */
  runAs: string
  parameters: ParameterRow[]
  reports: string[]
}

/** The names written as <name> in a command or report path (the server's placeholder syntax). */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]))]
}

/** Placeholders used in the command or the report paths that no parameter declares. */
export function undeclared(form: ScriptForm): string[] {
  const declared = new Set(form.parameters.map((p) => p.name.trim()))
  return placeholders([form.command, ...form.reports].join('\n')).filter((p) => !declared.has(p))
}

/** A pattern the browser cannot read (the server has the last word: its regex dialect is Java's). */
export const badPattern = (pattern: string) => pattern !== '' && wholeMatch(pattern) === null

export function formOf(shell?: { name: string; description?: string; command: string; dispatch: Dispatch; runAs?: string | null; parameters: ShellParameter[]; reports: string[] }): ScriptForm {
  return {
    name: shell?.name ?? '', description: shell?.description ?? '', command: shell?.command ?? '',
    dispatch: shell?.dispatch ?? 'ansible', runAs: shell?.runAs ?? '', reports: [...(shell?.reports ?? [])],
    parameters: (shell?.parameters ?? []).map((p) => ({ name: p.name, type: p.type, pattern: p.pattern, required: p.required,
      defaultValue: p.defaultValue ?? '', description: p.description ?? '' })),
  }
}

export function toShellDraft(form: ScriptForm): ShellDraft {
  return {
    name: form.name.trim(), description: form.description.trim() || undefined, command: form.command, dispatch: form.dispatch,
    runAs: form.runAs.trim() || undefined,
    reports: form.reports.map((r) => r.trim()).filter((r) => r !== ''),
    parameters: form.parameters.map((p) => ({
      name: p.name.trim(), type: p.type, pattern: p.pattern || undefined, required: p.required,
      defaultValue: p.defaultValue === '' ? undefined : p.defaultValue, description: p.description.trim() || undefined,
    })),
  }
}
