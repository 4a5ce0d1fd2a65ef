import type { NodeComparison, RunSummary } from '../api'

/** Nodes whose address or hostname contains the text, and only the changed ones when asked. */
export function visibleNodes(nodes: NodeComparison[], text: string, changedOnly: boolean): NodeComparison[] {
  const needle = text.trim().toLowerCase()
  return nodes.filter((node) => (!changedOnly || node.changed)
    && (!needle || node.ip.toLowerCase().includes(needle) || (node.hostname ?? '').toLowerCase().includes(needle)))
}

/** Each kind of change of the node once, in a stable order: status, duration, message, verdict, measured. */
export function changeKinds(node: NodeComparison): string[] {
  const kinds = new Set<string>()
  node.steps.forEach((step) => step.changes.forEach((kind) => kinds.add(kind)))
  node.acceptance.forEach((check) => check.changes.forEach((kind) => kinds.add(kind)))
  return ['status', 'duration', 'message', 'verdict', 'measured'].filter((kind) => kinds.has(kind))
}

/** The run of the same job just before this one (the default to compare with), if the list has one. */
export function previousRun(runId: number, sameJob: RunSummary[]): RunSummary | undefined {
  return sameJob.filter((run) => run.id < runId).sort((x, y) => y.id - x.id)[0]
}
