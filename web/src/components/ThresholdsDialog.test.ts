import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../i18n/en'
import ThresholdsDialog from './ThresholdsDialog.vue'

const saved = vi.fn()
vi.mock('../lib/judgements', () => ({
  acceptance: {
    thresholds: async () => [{ name: 'H100', modelMatch: 'H100', gpuCount: 8, minBusBwGbps: 460, minMessageBytes: 1073741824 }],
    saveThresholds: async (rows: unknown) => saved(rows),
  },
}))

describe('ThresholdsDialog', () => {
  it('says its scope and marks a bad field next to it without sending anything', async () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
    const dialog = mount(ThresholdsDialog, { props: { open: true, canEdit: true }, global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    await flushPromises()
    expect(document.body.querySelector('[data-test="thresholds-scope"]')?.textContent).toContain('not only this run')
    document.body.querySelector<HTMLElement>('[data-test="add-threshold"]')!.click()
    await flushPromises()
    document.body.querySelector<HTMLElement>('[data-test="save-thresholds"]')!.click()
    await flushPromises()
    const marked = Array.from(document.body.querySelectorAll('[data-test="thresholds"] .error-text'), (e) => e.textContent)
    expect(marked).toEqual(['Required', 'Required', 'Required'])
    expect(document.body.textContent).toContain('Fix the marked fields')
    expect(saved).not.toHaveBeenCalled()
    dialog.unmount()
  })
})
