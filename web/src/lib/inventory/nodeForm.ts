// The add / edit node form: what it shows for a node, what it lacks, and the body it sends.
import type { InventoryNode, NodeChange } from '../../api/types'
import { parseLabel } from './bulk'

export interface NodeForm {
  ip: string
  hostname: string
  sshPort: number | undefined
  sshUser: string
  gpuType: string
  gpuCount: number | undefined
  nodePoolId: number | undefined
  credentialId: number | null | undefined
  labels: string
}

export type NodeFormProblem = { key: 'ipRequired' } | { key: 'badLabels'; labels: string }

const labelParts = (text: string) => text.split(/[;,\s]+/).filter(Boolean)

export function nodeFormOf(node?: InventoryNode, poolId?: number): NodeForm {
  return {
    ip: node?.ip ?? '', hostname: node?.hostname ?? '', sshPort: node?.sshPort ?? 22, sshUser: node?.sshUser ?? '',
    gpuType: node?.gpuType ?? '', gpuCount: node?.gpuCount, nodePoolId: node?.nodePoolId ?? poolId,
    credentialId: node?.credentialId ?? null,
    labels: Object.entries(node?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join('; '),
  }
}

/** What must be fixed before sending; the server judges the rest (address syntax, pool, duplicates). */
export function nodeFormProblem(form: NodeForm): NodeFormProblem | null {
  if (!form.ip.trim()) return { key: 'ipRequired' }
  const bad = labelParts(form.labels).filter((part) => !parseLabel(part))
  return bad.length ? { key: 'badLabels', labels: bad.join(', ') } : null
}

/** The body of POST /nodes or PUT /nodes/{id}; an edit keeps what the form does not show (node type) and sends the version it saw. */
export function nodeChangeOf(form: NodeForm, editing?: InventoryNode): NodeChange {
  const labels = Object.fromEntries(labelParts(form.labels).map((part) => { const l = parseLabel(part)!; return [l.key, l.value] }))
  return {
    ip: form.ip.trim(), hostname: form.hostname.trim() || undefined, sshPort: form.sshPort ?? undefined,
    sshUser: form.sshUser.trim() || undefined, nodeType: editing?.nodeType, gpuType: form.gpuType.trim() || undefined,
    gpuCount: form.gpuCount ?? undefined, nodePoolId: form.nodePoolId, labels, credentialId: form.credentialId ?? null,
    version: editing?.version,
  }
}
