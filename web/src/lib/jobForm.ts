// The job form: items (a template and its targets) and the count of nodes they will affect.
import type { Job, JobDraft, JobTarget } from '../api/types'

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
  failurePolicy: 'STOP' | 'CONTINUE'
  items: ItemForm[]
}

let nextKey = 1
export const newItem = (): ItemForm => ({ key: nextKey++, poolIds: [], nodes: [] })

export function formOfJob(job: Job | undefined, nodesById: Map<number, PickedNode> = new Map()): JobForm {
  if (!job) return { name: '', comments: '', failurePolicy: 'STOP', items: [newItem()] }
  return {
    name: job.name, comments: job.comments ?? '', failurePolicy: job.failurePolicy,
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
  }
}

/** What must be fixed before saving, keyed as the server keys it (`items[0].templateId`). */
export function jobFormProblems(form: JobForm): Record<string, 'required' | 'noTargets' | 'noItems'> {
  const problems: Record<string, 'required' | 'noTargets' | 'noItems'> = {}
  if (!form.name.trim()) problems.name = 'required'
  if (!form.items.length) problems.items = 'noItems'
  form.items.forEach((item, i) => {
    if (item.templateId === undefined) problems[`items[${i}].templateId`] = 'required'
    if (!item.poolIds.length && !item.nodes.length) problems[`items[${i}].targets`] = 'noTargets'
  })
  return problems
}
