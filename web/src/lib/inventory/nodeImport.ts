// The preview of a node import: reads pasted CSV (or a plain list of IPs) the way the server's
// NodeCsv does, so obvious mistakes show per line before anything is sent. The server stays the
// judge: its per-line errors are attached to the same rows afterwards (mergeServerErrors).

/** The columns the server knows, compared without case, '_' or '-'. */
export const IMPORT_COLUMNS = ['ip', 'hostname', 'sshport', 'sshuser', 'nodetype', 'gputype', 'gpucount', 'nodepool',
  'nodepoolid', 'labels', 'credentialid'] as const
const NUMBER_COLUMNS = ['sshport', 'gpucount', 'nodepoolid', 'credentialid']
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9_./-]{0,62}$/
const LABEL_VALUE = /^[A-Za-z0-9_.:-]{1,63}$/

export interface ImportRow {
  /** The line as the user pasted it (1-based). */
  sourceLine: number
  /** The same line in the CSV that is sent, header = line 1: the server's "line N". */
  csvLine: number
  values: Record<string, string>
  errors: string[]
}

export interface ImportPreview {
  /** 'csv' when the first line names columns, 'list' for one IP (and maybe a hostname) per line. */
  mode: 'csv' | 'list'
  columns: string[]
  rows: ImportRow[]
  /** Problems that belong to no row (the header, an empty paste, answers without a line). */
  general: string[]
  /** The text to send as {"csv": ...}. */
  csv: string
}

export const normaliseColumn = (column: string) => column.trim().toLowerCase().replace(/[_-]/g, '')

/** RFC 4180 fields of one line, like the server: "a,b" quoted, "" for a quote. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"'
      i++
    } else if (c === '"') quoted = !quoted
    else if (c === ',' && !quoted) {
      fields.push(field)
      field = ''
    } else field += c
  }
  fields.push(field)
  return fields
}

export function looksLikeIp(text: string): boolean {
  const v4 = text.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/)
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255)
  return /^[0-9a-fA-F:]+$/.test(text) && text.includes(':') && text.length >= 2
}

const lines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)

/** Reads the paste; `defaultPoolId` fills the pool of every line when no pool column is given. */
export function previewImport(text: string, defaultPoolId?: number): ImportPreview {
  const all = lines(text)
  while (all.length && !all[all.length - 1].trim()) all.pop()
  const first = all.findIndex((l) => l.trim())
  if (first < 0) return { mode: 'csv', columns: [], rows: [], general: [], csv: '' }
  const header = splitCsvLine(all[first]).map(normaliseColumn)
  const preview = header.includes('ip') ? fromCsv(all, first) : fromList(all, first)
  return defaultPoolId === undefined ? preview : withDefaultPool(preview, defaultPoolId)
}

function fromCsv(all: string[], first: number): ImportPreview {
  // Blank lines before the header would shift the server's numbering; they are dropped.
  const csvLines = all.slice(first)
  const header = splitCsvLine(csvLines[0]).map(normaliseColumn)
  const general = header.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c))
    .map((c) => `line 1: unknown column '${c}'; known: ${IMPORT_COLUMNS.join(', ')}`)
  const rows: ImportRow[] = []
  csvLines.forEach((line, i) => {
    if (i === 0 || !line.trim()) return
    rows.push(checkRow(header, splitCsvLine(line), first + i + 1, i + 1))
  })
  duplicates(rows)
  return { mode: 'csv', columns: header, rows, general, csv: csvLines.join('\n') }
}

function fromList(all: string[], first: number): ImportPreview {
  const rows: ImportRow[] = []
  const out = ['ip,hostname']
  all.forEach((line, i) => {
    if (i < first || !line.trim()) return
    const [ip = '', hostname = '', ...rest] = line.trim().split(/[\s,]+/)
    out.push(`${ip},${hostname}`)
    const row = checkRow(['ip', 'hostname'], [ip, hostname], i + 1, out.length)
    if (rest.length) row.errors.push(`write one IP and at most a hostname per line, not '${line.trim()}'`)
    rows.push(row)
  })
  duplicates(rows)
  return { mode: 'list', columns: ['ip', 'hostname'], rows, general: [], csv: out.join('\n') }
}

function checkRow(header: string[], fields: string[], sourceLine: number, csvLine: number): ImportRow {
  const row: ImportRow = { sourceLine, csvLine, values: {}, errors: [] }
  if (fields.length !== header.length) {
    row.errors.push(`has ${fields.length} fields, the header has ${header.length}`)
    return row
  }
  header.forEach((column, c) => { row.values[column] = fields[c].trim() })
  const ip = row.values.ip ?? ''
  if (!ip) row.errors.push('ip: is required')
  else if (!looksLikeIp(ip)) row.errors.push(`ip: '${ip}' is not an IP address`)
  for (const column of NUMBER_COLUMNS) {
    const value = row.values[column]
    if (value && !/^-?\d+$/.test(value)) row.errors.push(`${column}: '${value}' is not a whole number`)
  }
  const port = row.values.sshport
  if (port && /^\d+$/.test(port) && (Number(port) < 1 || Number(port) > 65535)) row.errors.push(`sshport: ${port} is not between 1 and 65535`)
  row.errors.push(...labelProblems(row.values.labels))
  return row
}

function labelProblems(text: string | undefined): string[] {
  if (!text) return []
  return text.split(/[;\s]+/).filter(Boolean).flatMap((pair) => {
    const equals = pair.indexOf('=')
    if (equals <= 0) return [`labels: write key=value pairs separated by ';', not '${pair}'`]
    const key = pair.slice(0, equals)
    const value = pair.slice(equals + 1)
    const problems: string[] = []
    if (!LABEL_KEY.test(key)) problems.push(`labels: key '${key}' must be 1-63 letters, digits, '_', '.', '/' or '-'`)
    if (!LABEL_VALUE.test(value)) problems.push(`labels: value '${value}' of '${key}' must be 1-63 letters, digits, '_', '.', ':' or '-'`)
    return problems
  })
}

function duplicates(rows: ImportRow[]) {
  const seen = new Map<string, number>()
  for (const row of rows) {
    const ip = row.values.ip
    if (!ip) continue
    const earlier = seen.get(ip)
    if (earlier !== undefined) row.errors.push(`ip: ${ip} is already on line ${earlier}`)
    else seen.set(ip, row.sourceLine)
  }
}

function withDefaultPool(preview: ImportPreview, poolId: number): ImportPreview {
  if (preview.columns.includes('nodepool') || preview.columns.includes('nodepoolid') || !preview.csv) return preview
  const csv = lines(preview.csv).map((line, i) => (i === 0 ? `${line},nodePoolId` : line.trim() ? `${line},${poolId}` : line)).join('\n')
  return { ...preview, columns: [...preview.columns, 'nodepoolid'], csv,
    rows: preview.rows.map((row) => ({ ...row, values: { ...row.values, nodepoolid: String(poolId) } })) }
}

export const previewHasErrors = (preview: ImportPreview) =>
  preview.general.length > 0 || preview.rows.length === 0 || preview.rows.some((row) => row.errors.length > 0)

/** Puts the server's errors ("line 4", "nodes[2]", a field) on the rows they name; the rest stay general. */
export function mergeServerErrors(preview: ImportPreview, errors: { field: string; message: string }[]): ImportPreview {
  const rows = preview.rows.map((row) => ({ ...row, errors: [...row.errors] }))
  const general = [...preview.general]
  for (const error of errors) {
    const line = /^line (\d+)$/.exec(error.field)
    const row = line ? rows.find((r) => r.csvLine === Number(line[1])) : undefined
    if (row) row.errors.push(error.message)
    else general.push(`${error.field}: ${error.message}`)
  }
  return { ...preview, rows, general }
}

/** What one import sends: the CSV, how many nodes it holds, and how its lines map back to the paste's rows. */
export interface ImportPlan {
  csv: string
  count: number
  skipped: number
  /** The sent CSV's line numbers (header = 1) → the preview row's csvLine, for the server's per-line answer. */
  lineOf: Map<number, number>
}

/**
 * All the lines (the import is refused while any has problems), or with `validOnly` the header and
 * the lines without problems, renumbered: the server then names lines of the CSV it received.
 */
export function importPlan(preview: ImportPreview, validOnly: boolean): ImportPlan {
  const identity = new Map(preview.rows.map((row) => [row.csvLine, row.csvLine]))
  if (!validOnly) return { csv: preview.csv, count: preview.rows.length, skipped: 0, lineOf: identity }
  const sent = lines(preview.csv)
  const valid = preview.rows.filter((row) => row.errors.length === 0)
  const lineOf = new Map(valid.map((row, i) => [i + 2, row.csvLine]))
  return { csv: [sent[0], ...valid.map((row) => sent[row.csvLine - 1])].join('\n'), count: valid.length,
    skipped: preview.rows.length - valid.length, lineOf }
}

/** The server's "line N" of the CSV it received, as the same line of the whole paste's CSV. */
export function toPreviewLines(errors: { field: string; message: string }[], plan: ImportPlan): { field: string; message: string }[] {
  return errors.map((error) => {
    const line = /^line (\d+)$/.exec(error.field)
    const original = line ? plan.lineOf.get(Number(line[1])) : undefined
    return original === undefined ? error : { ...error, field: `line ${original}` }
  })
}
