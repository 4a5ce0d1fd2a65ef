import { describe, expect, it } from 'vitest'
import { emptyRow, errorsByRow, rowProblems, toRows, toThresholds } from './thresholdForm'

describe('threshold form', () => {
  it('edits message sizes in GiB and sends bytes back', () => {
    const rows = toRows([{ id: 1, name: '8 x H100 SXM', modelMatch: 'H100 HBM3', gpuCount: 8, minBusBwGbps: 460, minMessageBytes: 1073741824 }])
    expect(rows[0]).toMatchObject({ minMessageGib: 1, gpuCount: 8, description: '' })
    rows.push({ ...emptyRow(), name: 'any L40S', modelMatch: 'L40S', gpuCount: null, minBusBwGbps: 20, minMessageGib: 0.5 })
    expect(toThresholds(rows)).toEqual([
      { name: '8 x H100 SXM', modelMatch: 'H100 HBM3', gpuCount: 8, minBusBwGbps: 460, minMessageBytes: 1073741824, description: null },
      { name: 'any L40S', modelMatch: 'L40S', gpuCount: null, minBusBwGbps: 20, minMessageBytes: 536870912, description: null },
    ])
  })

  it('places the server field errors next to the field of their row', () => {
    const placed = errorsByRow([
      { field: 'thresholds[1].minBusBwGbps', message: 'may have at most two decimals' },
      { field: 'thresholds[1].minMessageBytes', message: 'must be 0 to 1099511627776 bytes' },
      { field: 'thresholds', message: 'is required' },
    ])
    expect(placed.rows[1]).toEqual({ minBusBwGbps: 'may have at most two decimals', minMessageGib: 'must be 0 to 1099511627776 bytes' })
    expect(placed.general).toEqual(['thresholds: is required'])
  })
})

describe('rowProblems', () => {
  it('names a missing or repeated name, missing model words and a pass line that is not above zero', () => {
    const rows = [emptyRow(), emptyRow(), emptyRow()]
    Object.assign(rows[0], { name: 'H100', modelMatch: 'H100', minBusBwGbps: 460 })
    Object.assign(rows[1], { name: ' h100 ', modelMatch: '', minBusBwGbps: 0 })
    Object.assign(rows[2], { name: '', modelMatch: 'A800', minBusBwGbps: null })
    expect(rowProblems(rows)).toEqual({
      1: { name: 'judgement.duplicateName', modelMatch: 'judgement.required', minBusBwGbps: 'judgement.aboveZero' },
      2: { name: 'judgement.required', minBusBwGbps: 'judgement.required' },
    })
  })
})
