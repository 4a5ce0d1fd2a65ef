// The start dialog's form: which nodes (limit, exclude), the job's parameters as typed extra
// variables, check mode and batch size, turned into the body of POST /jobs/{id}/runs.
import type { JobParameter, NodeSelector, StartPreview, StartRequest } from '../api/types'

export interface SelectorForm {
  nodeIds: number[]
  poolIds: number[]
  /** "rack=r1, row=2": a node matches when it carries every one. */
  labels: string
}

export interface StartForm {
  limit: SelectorForm
  exclude: SelectorForm
  /** Each parameter's value as typed: text for STRING, INT and CHOICE, a boolean for BOOL. */
  extraVars: Record<string, string | boolean | undefined>
  checkMode: boolean
  batchSize?: number
  skipLocked: boolean
}

export type StartProblem = 'required' | 'notInteger' | 'labels' | 'notAChoice'

const emptySelector = (): SelectorForm => ({ nodeIds: [], poolIds: [], labels: '' })

/** A fresh form: every parameter at its declared default. */
export function newStartForm(parameters: JobParameter[] = []): StartForm {
  const extraVars: StartForm['extraVars'] = {}
  for (const p of parameters) {
    const given = p.defaultValue
    extraVars[p.name] = p.type === 'BOOL' ? given === true : given === undefined || given === null ? '' : String(given)
  }
  return { limit: emptySelector(), exclude: emptySelector(), extraVars, checkMode: false, skipLocked: false }
}

/** "rack=r1, row=2" as labels; null when a part is not key=value. */
export function parseLabels(text: string): Record<string, string> | null {
  const labels: Record<string, string> = {}
  for (const part of text.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean)) {
    const at = part.indexOf('=')
    if (at <= 0 || at === part.length - 1) return null
    labels[part.slice(0, at)] = part.slice(at + 1)
  }
  return labels
}

function selector(form: SelectorForm): NodeSelector | undefined | null {
  const labels = parseLabels(form.labels)
  if (labels === null) return null
  const chosen: NodeSelector = {}
  if (form.nodeIds.length) chosen.nodeIds = [...form.nodeIds]
  if (form.poolIds.length) chosen.poolIds = [...form.poolIds]
  if (Object.keys(labels).length) chosen.labels = labels
  return Object.keys(chosen).length ? chosen : undefined
}

/**
 * The request for this form, and what must be fixed first, keyed as the server keys it
 * (`extraVars.name`, `limit.labels`). An empty optional parameter is left out: the server then
 * uses its default.
 */
export function startRequest(form: StartForm, parameters: JobParameter[] = []): { request: StartRequest; problems: Record<string, StartProblem> } {
  const problems: Record<string, StartProblem> = {}
  const request: StartRequest = {}
  for (const side of ['limit', 'exclude'] as const) {
    const chosen = selector(form[side])
    if (chosen === null) problems[`${side}.labels`] = 'labels'
    else if (chosen) request[side] = chosen
  }
  const extraVars: Record<string, string | number | boolean> = {}
  for (const p of parameters) {
    const value = form.extraVars[p.name]
    if (p.type === 'BOOL') {
      extraVars[p.name] = value === true
      continue
    }
    const text = typeof value === 'string' ? value : ''
    if (text.trim() === '') {
      if (p.required) problems[`extraVars.${p.name}`] = 'required'
      continue
    }
    if (p.type === 'INT') {
      if (!/^-?\d{1,15}$/.test(text.trim())) problems[`extraVars.${p.name}`] = 'notInteger'
      else extraVars[p.name] = Number(text.trim())
    } else if (p.type === 'CHOICE' && !(p.choices ?? []).includes(text)) {
      problems[`extraVars.${p.name}`] = 'notAChoice'
    } else {
      extraVars[p.name] = text
    }
  }
  if (Object.keys(extraVars).length) request.extraVars = extraVars
  if (form.checkMode) request.checkMode = true
  if (form.batchSize !== undefined && form.batchSize !== null && form.batchSize > 0) request.batchSize = form.batchSize
  if (form.skipLocked) request.skipLocked = true
  return { request, problems }
}

/** How many nodes the run will reach: the locked ones stay out when skipped, else they refuse the start. */
export function startSummary(preview: StartPreview, skipLocked: boolean): { runs: number; locked: number; refused: boolean; batches?: number } {
  const runs = skipLocked ? preview.runnable : preview.total
  return { runs, locked: preview.locked, refused: preview.locked > 0 && !skipLocked }
}

/** How many batches {@code batchSize} makes of {@code nodes} (1 when no batch size). */
export function batchCount(nodes: number, batchSize?: number): number {
  return !batchSize || batchSize <= 0 ? (nodes > 0 ? 1 : 0) : Math.ceil(nodes / batchSize)
}

/** Parameter names that look secret: the dialog masks their input. */
export const looksSecret = (name: string) => /pass|secret|token|key|credential|auth/i.test(name)
