// Editing the pass lines: rows as the form holds them (message size in GiB) and back, and the
// server's field errors ("thresholds[2].minBusBwGbps") placed next to the field they name.
import type { Threshold } from './judgements'

const GIB = 1024 ** 3

export interface ThresholdRow {
  key: number
  name: string
  modelMatch: string
  gpuCount: number | null
  minBusBwGbps: number | null
  minMessageGib: number | null
  description: string
}

let nextKey = 1

export function toRows(thresholds: Threshold[]): ThresholdRow[] {
  return thresholds.map((threshold) => ({
    key: nextKey++,
    name: threshold.name,
    modelMatch: threshold.modelMatch,
    gpuCount: threshold.gpuCount ?? null,
    minBusBwGbps: threshold.minBusBwGbps,
    minMessageGib: threshold.minMessageBytes == null ? null : threshold.minMessageBytes / GIB,
    description: threshold.description ?? '',
  }))
}

export function emptyRow(): ThresholdRow {
  return { key: nextKey++, name: '', modelMatch: '', gpuCount: 8, minBusBwGbps: null, minMessageGib: 1, description: '' }
}

export function toThresholds(rows: ThresholdRow[]): Threshold[] {
  return rows.map((row) => ({
    name: row.name,
    modelMatch: row.modelMatch,
    gpuCount: row.gpuCount,
    minBusBwGbps: row.minBusBwGbps as number,
    minMessageBytes: row.minMessageGib == null ? null : Math.round(row.minMessageGib * GIB),
    description: row.description || null,
  }))
}

/** Errors by row index and field, e.g. errors[2].minBusBwGbps; errors naming no row go to "general". */
export function errorsByRow(fieldErrors: { field: string; message: string }[]): {
  rows: Record<number, Record<string, string>>
  general: string[]
} {
  const rows: Record<number, Record<string, string>> = {}
  const general: string[] = []
  for (const error of fieldErrors) {
    const match = /^thresholds\[(\d+)\]\.(\w+)$/.exec(error.field)
    if (!match) {
      general.push(`${error.field}: ${error.message}`)
      continue
    }
    const index = Number(match[1])
    const field = match[2] === 'minMessageBytes' ? 'minMessageGib' : match[2]
    rows[index] = { ...rows[index], [field]: error.message }
  }
  return { rows, general }
}

/**
 * What the form can tell before asking the server, as message keys by row and field: a name, unique
 * among the rules; model words; a pass line above zero. The server checks again and has the last word.
 */
export function rowProblems(rows: ThresholdRow[]): Record<number, Record<string, string>> {
  const problems: Record<number, Record<string, string>> = {}
  const add = (index: number, field: string, key: string) => (problems[index] = { ...problems[index], [field]: key })
  const names = new Map<string, number>()
  rows.forEach((row, index) => {
    const name = row.name.trim().toLowerCase()
    if (!name) add(index, 'name', 'judgement.required')
    else if (names.has(name)) add(index, 'name', 'judgement.duplicateName')
    else names.set(name, index)
    if (!row.modelMatch.trim()) add(index, 'modelMatch', 'judgement.required')
    if (row.minBusBwGbps == null) add(index, 'minBusBwGbps', 'judgement.required')
    else if (row.minBusBwGbps <= 0) add(index, 'minBusBwGbps', 'judgement.aboveZero')
  })
  return problems
}
