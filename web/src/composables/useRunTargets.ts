import { inventory, type InventoryNode, type Job } from '../api'

export interface ResolvedTarget {
  kind: 'node' | 'node_pool'
  name: string
  nodes: InventoryNode[]
}

/** What a job's targets are in the inventory now: the pools' nodes and single nodes, with their locks. */
export async function resolveTargets(job: Job): Promise<ResolvedTarget[]> {
  const targets = job.items.flatMap((item) => item.targets)
  const unique = [...new Map(targets.map((x) => [`${x.type}:${x.id}`, x])).values()]
  return Promise.all(unique.map(async (target): Promise<ResolvedTarget> => {
    if (target.type === 'node') {
      const node = await inventory.node(target.id)
      return { kind: 'node', name: node.ip, nodes: [node] }
    }
    const page = await inventory.nodes({ poolId: target.id }, { page: 0, size: 500 })
    const name = page.items[0]?.nodePoolName ?? `#${target.id}`
    return { kind: 'node_pool', name, nodes: page.items }
  }))
}
