import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../i18n/en'
import type { RunVerdict } from '../api/types'
import VerdictMatrix from './VerdictMatrix.vue'

const VERDICTS: RunVerdict[] = [
  { nodeId: 1, ip: '10.0.0.1', check: 'nccl_all_reduce', verdict: 'PASS', measured: 471.2, threshold: 460, unit: 'GB/s', message: 'busbw 471.2 >= 460' },
  { nodeId: 1, ip: '10.0.0.1', check: 'xid', verdict: 'PASS', measured: 0, threshold: 0, message: 'no critical XID' },
  { nodeId: 2, ip: '10.0.0.2', check: 'nccl_all_reduce', verdict: 'FAIL', measured: 301.5, threshold: 460, unit: 'GB/s', message: 'busbw 301.5 < 460', reason: 'THRESHOLD' },
  { nodeId: 2, ip: '10.0.0.2', check: 'xid', verdict: 'PASS', measured: 0, threshold: 0, message: 'no critical XID' },
]

function mountMatrix(verdicts: RunVerdict[]) {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
  return mount(VerdictMatrix, {
    props: { verdicts },
    global: { plugins: [i18n, ElementPlus], stubs: { RouterLink: { template: '<a><slot /></a>' } } },
  })
}

describe('VerdictMatrix', () => {
  it('shows a cell per node and check, coloured by verdict, with the figures on hover', () => {
    const matrix = mountMatrix(VERDICTS)
    expect(matrix.findAll('tbody tr').map((row) => row.attributes('data-node'))).toEqual(['2', '1'])
    const failed = matrix.get('tr[data-node="2"] [data-check=nccl_all_reduce]')
    expect(failed.attributes('data-verdict')).toBe('FAIL')
    expect(failed.classes()).toContain('fail')
    expect(failed.attributes('title')).toContain('Measured: 301.5 GB/s')
    expect(failed.attributes('title')).toContain('Line: 460 GB/s')
    expect(matrix.get('[data-test=verdict-counts]').text()).toBe('3 passed, 0 warned, 1 failed, 0 could not be judged')
  })

  it('shows the baseline a verdict was judged against on hover and in its detail', async () => {
    const judged: RunVerdict = { nodeId: 3, ip: '10.0.0.3', check: 'nccl_all_reduce', verdict: 'FAIL', measured: 446.4, threshold: 456,
      unit: 'GB/s', message: '446.40 GB/s is 7.00 % below the baseline of 480.00 GB/s', reason: 'THRESHOLD',
      baseline: { id: 7, value: 480, samples: 8 } }
    const matrix = mountMatrix([judged, ...VERDICTS])
    const cell = matrix.get('tr[data-node="3"] [data-check=nccl_all_reduce]')
    expect(cell.attributes('title')).toContain('Baseline (samples): 480.00 GB/s (8)')
    expect(matrix.get('tr[data-node="2"] [data-check=nccl_all_reduce]').attributes('title')).not.toContain('Baseline')
    await cell.trigger('click')
    expect(matrix.get('[data-test=verdict-baseline]').text()).toBe('480.00 GB/s (8)')
  })

  it('opens the message of a clicked cell', async () => {
    const matrix = mountMatrix(VERDICTS)
    await matrix.get('tr[data-node="2"] [data-check=nccl_all_reduce]').trigger('click')
    expect(matrix.get('[data-test=verdict-detail]').text()).toContain('busbw 301.5 < 460')
  })

  it('filters to the failing nodes and cells', async () => {
    const matrix = mountMatrix(VERDICTS)
    await matrix.get('[data-test=verdicts-failures-only]').trigger('click')
    expect(matrix.findAll('tbody tr').map((row) => row.attributes('data-node'))).toEqual(['2'])
    expect(matrix.findAll('[data-check]').map((cell) => cell.attributes('data-check'))).toEqual(['nccl_all_reduce'])
  })

  it('filters by reason and names the reason of a cell', async () => {
    const verdicts: RunVerdict[] = [...VERDICTS,
      { nodeId: 3, ip: '10.0.0.3', check: 'nvlink', verdict: 'ERROR', message: 'no report: is missing', reason: 'MISSING_EVIDENCE' }]
    const matrix = mountMatrix(verdicts)
    expect(matrix.get('[data-reason=COULD_NOT_RUN]').text()).toBe('Could not run (0)')
    await matrix.get('[data-reason=MISSING_EVIDENCE] input').setValue(true)
    expect(matrix.findAll('tbody tr').map((row) => row.attributes('data-node'))).toEqual(['3'])
    const cell = matrix.get('[data-check=nvlink]')
    expect(cell.attributes('title')).toContain('Error (Missing evidence)')
    await cell.trigger('click')
    expect(matrix.get('[data-test=verdict-reason]').text()).toBe('Missing evidence')
  })
})
