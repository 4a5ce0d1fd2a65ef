import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../../i18n/en'
import CredentialTestDialog from './CredentialTestDialog.vue'

const tested: [number, number][] = []
vi.mock('../../api', () => ({
  inventory: { nodes: async () => ({ items: [{ id: 5, ip: '10.0.0.5', hostname: 'gpu-5' }], total: 1, page: 0, size: 20 }) },
}))
vi.mock('../../api/admin', () => ({
  credentials: {
    test: async (id: number, nodeId: number) => {
      tested.push([id, nodeId])
      return { reachable: false, become: false, message: 'Cannot sign in to 10.0.0.5:22 over SSH: Permission denied (publickey)', durationMs: 812 }
    },
  },
}))

describe('CredentialTestDialog', () => {
  it('tries the credential on the chosen node and shows what the server found', async () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
    const dialog = mount(CredentialTestDialog, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
    dialog.vm.open({ id: 3, name: 'racks' } as never)
    await flushPromises()

    await dialog.find('[data-test=credential-test-run]').trigger('click')
    expect(document.querySelector('[data-test=credential-test-error]')?.textContent).toBe('Choose the node to try the credential on')
    expect(tested).toEqual([])

    dialog.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 5)
    await dialog.find('[data-test=credential-test-run]').trigger('click')
    await flushPromises()

    expect(tested).toEqual([[3, 5]])
    const result = document.querySelector('[data-test=credential-test-result]')
    expect(result?.getAttribute('data-reachable')).toBe('false')
    expect(result?.textContent).toContain('Could not reach the node over SSH (812 ms)')
    expect(result?.textContent).toContain('Permission denied (publickey)')
    dialog.unmount()
  })
})
