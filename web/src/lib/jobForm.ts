// The job form: items (a template and its targets) and the count of nodes they will affect.
import type { FailurePolicy, Job, JobDraft, JobParameter, JobTarget, ParameterType } from '../api/types'

export interface PickedNode {
  id: number
  ip: string
  nodePoolId?: number
  locked?: boolean
}

export interface ItemForm {
  key: number
  templateId?: number
  templateLabel?: string
  poolIds: number[]
  nodes: PickedNode[]
}

export interface JobForm {
  name: string
  comments: string
  failurePolicy: FailurePolicy
  items: ItemForm[]
  parameters: ParameterForm[]
}

/** A declared parameter as edited: the default and the choices as typed text. */
export interface ParameterForm {
  key: number
  name: string
  type: ParameterType
  required: boolean
  defaultValue: string
  choices: string
  description: string
}

let nextKey = 1
export const newItem = (): ItemForm => ({ key: nextKey++, poolIds: [], nodes: [] })
export const newParameter = (): ParameterForm => ({ key: nextKey++, name: '', type: 'STRING', required: false, defaultValue: '', choices: '', description: '' })

const parameterForm = (p: JobParameter): ParameterForm => ({
  ...newParameter(), name: p.name, type: p.type, required: p.required,
  defaultValue: p.defaultValue === undefined || p.defaultValue === null ? '' : String(p.defaultValue),
  choices: (p.choices ?? []).join(', '), description: p.description ?? '',
})

/** The parameter to save; the default typed as the parameter is (a number, true/false), left out when blank. */
export function toParameter(form: ParameterForm): JobParameter {
  const parameter: JobParameter = { name: form.name.trim(), type: form.type, required: form.required }
  const text = form.defaultValue.trim()
  if (text !== '') {
    parameter.defaultValue = form.type === 'INT' && /^-?\d+$/.test(text) ? Number(text)
      : form.type === 'BOOL' ? text === 'true' : form.defaultValue
  }
  if (form.type === 'CHOICE') parameter.choices = form.choices.split(',').map((c) => c.trim()).filter(Boolean)
  if (form.description.trim()) parameter.description = form.description.trim()
  return parameter
}

export function formOfJob(job: Job | undefined, nodesById: Map<number, PickedNode> = new Map()): JobForm {
  if (!job) return { name: '', comments: '', failurePolicy: 'STOP_NODE', items: [newItem()], parameters: [] }
  return {
    name: job.name, comments: job.comments ?? '', failurePolicy: job.failurePolicy,
    parameters: (job.parameters ?? []).map(parameterForm),
    items: [...job.items].sort((a, b) => a.sequence - b.sequence).map((item) => ({
      ...newItem(), templateId: item.templateId, templateLabel: `${item.templateName} v${item.templateVersion}`,
      poolIds: item.targets.filter((x) => x.type === 'node_pool').map((x) => x.id),
      nodes: item.targets.filter((x) => x.type === 'node').map((x) => nodesById.get(x.id) ?? { id: x.id, ip: `#${x.id}` }),
    })),
  }
}

export function targetsOf(item: ItemForm): JobTarget[] {
  return [...item.poolIds.map((id): JobTarget => ({ type: 'node_pool', id })), ...item.nodes.map((n): JobTarget => ({ type: 'node', id: n.id }))]
}

/** Adds nodes not picked yet, keeping the order they were picked in. */
export function addNodes(current: PickedNode[], more: PickedNode[]): PickedNode[] {
  const seen = new Set(current.map((n) => n.id))
  return [...current, ...more.filter((n) => !seen.has(n.id) && seen.add(n.id))]
}

/**
 * How many distinct nodes a set of items reaches: every node of the picked pools (their totals
 * from the nodes list) plus the single nodes that are not in one of those pools already.
 */
export function affectedCount(items: ItemForm[], poolTotals: Map<number, number>): number {
  const pools = new Set(items.flatMap((i) => i.poolIds))
  const singles = new Set(items.flatMap((i) => i.nodes).filter((n) => n.nodePoolId === undefined || !pools.has(n.nodePoolId)).map((n) => n.id))
  return [...pools].reduce((sum, id) => sum + (poolTotals.get(id) ?? 0), 0) + singles.size
}

export function toJobDraft(form: JobForm): JobDraft {
  return {
    name: form.name.trim(), comments: form.comments.trim() || undefined, failurePolicy: form.failurePolicy,
    items: form.items.map((item) => ({ templateId: item.templateId!, targets: targetsOf(item) })),
    parameters: form.parameters.map(toParameter),
  }
}

/** What must be fixed before saving, keyed as the server keys it (`items[0].templateId`). */
export type JobFormProblem = 'required' | 'noTargets' | 'noItems' | 'variableName' | 'duplicate' | 'noChoices' | 'notInteger'

export function jobFormProblems(form: JobForm): Record<string, JobFormProblem> {
  const problems: Record<string, JobFormProblem> = {}
  const names = new Set<string>()
  form.parameters.forEach((p, i) => {
    const name = p.name.trim()
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) || /^(ansible_|devops_)/i.test(name)) problems[`parameters[${i}].name`] = 'variableName'
    else if (names.has(name)) problems[`parameters[${i}].name`] = 'duplicate'
    names.add(name)
    if (p.type === 'CHOICE' && !p.choices.split(',').some((c) => c.trim())) problems[`parameters[${i}].choices`] = 'noChoices'
    if (p.type === 'INT' && p.defaultValue.trim() && !/^-?\d+$/.test(p.defaultValue.trim())) problems[`parameters[${i}].defaultValue`] = 'notInteger'
  })
  if (!form.name.trim()) problems.name = 'required'
  if (!form.items.length) problems.items = 'noItems'
  form.items.forEach((item, i) => {
    if (item.templateId === undefined) problems[`items[${i}].templateId`] = 'required'
    if (!item.poolIds.length && !item.nodes.length) problems[`items[${i}].targets`] = 'noTargets'
  })
  return problems
}
