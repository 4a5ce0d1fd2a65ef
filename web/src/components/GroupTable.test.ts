import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../i18n/en'
import type { RunGroup } from '../api/types'
import GroupTable from './GroupTable.vue'

const GROUPS: RunGroup[] = [
  { number: 1, scale: 'PAIR', nodes: [1, 2], check: 'nccl_all_reduce_multi', verdict: 'FAIL', reason: 'THRESHOLD', measured: 180, threshold: 340,
    unit: 'GB/s', message: '180 GB/s is below the line', bisection: { round: 0, suspects: [1, 2] } },
  { number: 2, scale: 'PAIR', nodes: [1, 3], check: 'nccl_all_reduce_multi', verdict: 'FAIL', reason: 'THRESHOLD', measured: 180, threshold: 340,
    unit: 'GB/s', message: '180 GB/s is below the line', bisection: { round: 1, suspects: [1] } },
]

describe('GroupTable', () => {
  it('names the nodes by IP and shows each run with its line, verdict and bisection round', async () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
    const table = mount(GroupTable, {
      props: { groups: GROUPS, names: new Map([[1, '10.0.0.1'], [2, '10.0.0.2']]) },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    const rows = table.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('Pair')
    expect(rows[0].text()).toContain('10.0.0.1, 10.0.0.2')
    expect(rows[0].text()).toContain('340 GB/s')
    expect(rows[0].text()).toContain('planned')
    expect(rows[1].text()).toContain('10.0.0.1, #3')
    expect(rows[1].get('[data-verdict]').attributes('data-verdict')).toBe('FAIL')
    table.unmount()
  })
})
