import { describe, expect, it } from 'vitest'
import { importPlan, mergeServerErrors, previewHasErrors, previewImport, splitCsvLine, toPreviewLines } from './nodeImport'

const csv = (...lines: string[]) => lines.join('\n')

describe('node import preview', () => {
  it('reads a CSV with a header in any case and order, like the server', () => {
    const preview = previewImport(csv('IP,Host_Name,sshPort,nodePool,labels', '10.0.0.1,gpu-1,22,pool_a,rack=r1;row=3'))
    expect(preview.mode).toBe('csv')
    expect(preview.rows).toHaveLength(1)
    expect(preview.rows[0].values).toMatchObject({ ip: '10.0.0.1', hostname: 'gpu-1', nodepool: 'pool_a' })
    expect(previewHasErrors(preview)).toBe(false)
  })

  it('shows each shape problem on its own line and keeps the good lines clean', () => {
    const preview = previewImport(csv('ip,sshPort,labels', '10.0.0.1,22,', '10.0.0.300,22,', '10.0.0.2,ssh,', '10.0.0.3,22', '10.0.0.4,22,rack'))
    const errors = Object.fromEntries(preview.rows.map((r) => [r.sourceLine, r.errors.join(' | ')]))
    expect(errors[2]).toBe('')
    expect(errors[3]).toContain("'10.0.0.300' is not an IP address")
    expect(errors[4]).toContain("sshport: 'ssh' is not a whole number")
    expect(errors[5]).toBe('has 2 fields, the header has 3')
    expect(errors[6]).toContain('key=value')
    expect(previewHasErrors(preview)).toBe(true)
  })

  it('flags unknown columns and a repeated IP', () => {
    const preview = previewImport(csv('ip,rack', '10.0.0.1,a', '10.0.0.1,b'))
    expect(preview.general[0]).toContain("unknown column 'rack'")
    expect(preview.rows[1].errors).toContain('ip: 10.0.0.1 is already on line 2')
  })

  it('turns a plain list of IPs into CSV with a header', () => {
    const preview = previewImport('10.0.0.1 gpu-1\n\n10.0.0.2\n')
    expect(preview.mode).toBe('list')
    expect(preview.csv).toBe('ip,hostname\n10.0.0.1,gpu-1\n10.0.0.2,')
    expect(preview.rows.map((r) => [r.sourceLine, r.csvLine])).toEqual([[1, 2], [3, 3]])
  })

  it('adds the chosen pool to every line only when no pool column is given', () => {
    expect(previewImport('ip\n10.0.0.1', 7).csv).toBe('ip,nodePoolId\n10.0.0.1,7')
    expect(previewImport('ip,nodePool\n10.0.0.1,a', 7).csv).toBe('ip,nodePool\n10.0.0.1,a')
  })

  it('puts the server per-line errors on the rows they name, counting the sent header as line 1', () => {
    const preview = previewImport('\n10.0.0.1\n10.0.0.2')
    const merged = mergeServerErrors(preview, [
      { field: 'line 3', message: 'ip: a node with IP 10.0.0.2 already exists' },
      { field: 'nodes', message: 'something general' },
    ])
    const row = merged.rows.find((r) => r.values.ip === '10.0.0.2')!
    expect(row.sourceLine).toBe(3)
    expect(row.errors).toEqual(['ip: a node with IP 10.0.0.2 already exists'])
    expect(merged.general).toEqual(['nodes: something general'])
    expect(preview.rows[1].errors).toEqual([]) // the preview itself is not changed
  })

  it('an empty paste has nothing to import', () => {
    expect(previewHasErrors(previewImport('  \n'))).toBe(true)
  })

  it('splits quoted fields with commas and doubled quotes', () => {
    expect(splitCsvLine('a,"b,c","say ""hi"""')).toEqual(['a', 'b,c', 'say "hi"'])
  })

  it('sends every line, or only the valid ones renumbered, and counts what it sends', () => {
    const preview = previewImport(csv('ip,hostname', '10.0.0.1,a', '10.0.0.300,b', '', '10.0.0.3,c', 'nope,d'))
    const all = importPlan(preview, false)
    expect(all.count).toBe(4)
    expect(all.csv).toBe(preview.csv)
    const valid = importPlan(preview, true)
    expect(valid).toMatchObject({ csv: 'ip,hostname\n10.0.0.1,a\n10.0.0.3,c', count: 2, skipped: 2 })
  })

  it('puts the server\'s answer about a valid-only import on the pasted line it names', () => {
    const preview = previewImport(csv('ip,nodePool', '10.0.0.1,a', '10.0.0.300,a', '10.0.0.3,missing'))
    const plan = importPlan(preview, true)
    const errors = toPreviewLines([{ field: 'line 3', message: "nodePool: node pool 'missing' does not exist" }, { field: 'csv', message: 'x' }], plan)
    expect(errors[0].field).toBe('line 4')
    expect(errors[1].field).toBe('csv')
    const merged = mergeServerErrors(preview, errors)
    expect(merged.rows.find((r) => r.values.ip === '10.0.0.3')?.errors).toEqual(["nodePool: node pool 'missing' does not exist"])
  })
})
