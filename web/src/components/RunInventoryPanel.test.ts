import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../i18n/en'
import type { RunInventory } from '../api'
import RunInventoryPanel from './RunInventoryPanel.vue'

const INVENTORY: RunInventory = {
  runId: 7,
  groups: { all: ['10.0.0.1'] },
  groupVars: { pool_a: { level: 'second' } },
  hostVars: {},
  steps: [
    { taskId: 1, recordedAt: '2026-12-07T10:00:00Z', stepNames: ['install driver'], groups: { all: ['10.0.0.1'] },
      groupVars: { pool_a: { level: 'first' } }, hostVars: {} },
    { taskId: 2, recordedAt: '2026-12-07T10:05:00Z', stepNames: ['acceptance'], groups: { all: ['10.0.0.1'] },
      groupVars: { pool_a: { level: 'second' } }, hostVars: {} },
  ],
}

vi.mock('../api', () => ({ runs: { inventory: vi.fn(async () => INVENTORY) } }))

describe('RunInventoryPanel', () => {
  it('shows the whole run first and one step\'s own inventory when that step is chosen', async () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
    const panel = mount(RunInventoryPanel, { props: { runId: 7 }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await panel.get('.el-collapse-item__header').trigger('click')
    await flushPromises()
    expect(panel.get('[data-test="run-inventory-group-vars"]').text()).toContain('"second"')
    panel.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 0)
    await flushPromises()
    expect(panel.get('[data-test="run-inventory-group-vars"]').text()).toContain('"first"')
    expect(panel.get('[data-test="run-inventory-group-vars"]').text()).not.toContain('"second"')
    panel.unmount()
  })
})
