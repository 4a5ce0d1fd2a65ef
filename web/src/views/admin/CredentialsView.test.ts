import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../../i18n/en'
import CredentialsView from './CredentialsView.vue'

// The page's two calls, answered as a server with a too-short master key would.
const SHORT_KEY = 'The master key (DEVOPS_SECRET_KEY or the key file) has only 8 characters, too few to protect SSH credentials: set DEVOPS_SECRET_KEY (at least 16 characters)'
vi.mock('../../api/admin', () => ({
  credentials: {
    list: async () => ({ items: [{ id: 1, name: 'racks', sshUser: 'root', keyType: 'ssh-ed25519', keyEncrypted: false, fingerprint: 'SHA256:abc',
      fingerprintSource: 'PUBLIC_KEY', hasPassphrase: false, hasBecomePassword: true, poolCount: 2, nodeCount: 1, createdAt: '2026-01-01T00:00:00Z' }],
    total: 1, page: 0, size: 20 }),
  },
  settings: { masterKey: async () => ({ origin: 'ENVIRONMENT', usable: false, problem: SHORT_KEY }) },
}))

describe('CredentialsView', () => {
  it('says why credentials cannot be saved and how to fix it, and offers no create button that would fail', async () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
    const page = mount(CredentialsView, { global: { plugins: [i18n, ElementPlus], stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
    await flushPromises()

    const banner = page.find('[data-test=master-key-banner]')
    expect(banner.text()).toContain('new credentials cannot be saved')
    expect(banner.text()).toContain(SHORT_KEY)
    expect(banner.text()).toContain('Fix it on the server and restart it')
    expect(page.find('[data-test=credential-create]').attributes('disabled')).toBeDefined()
    expect(page.find('[data-test=credential-usage-racks]').text()).toBe('2 node pool(s) · 1 node(s)')
  })
})
