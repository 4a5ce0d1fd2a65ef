import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import ElementPlus from 'element-plus'
import en from '../i18n/en'
import { useAuthStore } from '../stores/auth'
import AppLayout from './AppLayout.vue'

/** jsdom has no media queries: the window is `width` pixels wide. */
function windowWidth(width: number): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('max-width: 1023.98px') && width < 1024,
    media: query, addEventListener: () => {}, removeEventListener: () => {},
  }))
}

async function mountLayout() {
  const Page = defineComponent({ template: '<p>page</p>' })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: Page }] })
  await router.push('/runs')
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().user = { id: 1, username: 'admin', displayName: 'Admin', role: 'ADMIN', tenantRoles: [] } as never
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
  const layout = mount(AppLayout, { global: { plugins: [i18n, pinia, router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { layout, router }
}

const items = () => Array.from(document.querySelectorAll<HTMLElement>('[data-test=sidebar] [role=menuitem]'))
const sidebar = () => document.querySelector<HTMLElement>('[data-test=sidebar]')!

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('AppLayout', () => {
  it('puts every menu item in the Tab order and opens it with Enter or Space', async () => {
    windowWidth(1440)
    const { layout, router } = await mountLayout()
    expect(items().map((i) => i.textContent?.trim())).toContain('SSH credentials')
    expect(items().filter((i) => i.tabIndex !== 0).map((i) => i.textContent)).toEqual([])
    items().find((i) => i.textContent?.trim() === 'Nodes')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/nodes')
    items().find((i) => i.textContent?.trim() === 'Audit log')!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/admin/audit')
    expect(document.querySelector('[data-test=menu-toggle]')).toBeNull()
    layout.unmount()
  })

  it('folds the sidebar below 1024 px behind a button that opens it, and Escape closes it', async () => {
    windowWidth(800)
    const { layout, router } = await mountLayout()
    const toggle = document.querySelector<HTMLElement>('[data-test=menu-toggle]')!
    expect(sidebar().style.display).toBe('none')
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    toggle.click()
    await flushPromises()
    expect(sidebar().style.display).toBe('')
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(document.activeElement?.textContent?.trim()).toBe('Runs') // the current page's item
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(sidebar().style.display).toBe('none')
    expect(document.activeElement).toBe(toggle)
    toggle.click()
    await flushPromises()
    items().find((i) => i.textContent?.trim() === 'Jobs')!.click()
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/jobs')
    expect(sidebar().style.display).toBe('none') // choosing a page closes the menu
    layout.unmount()
  })
})
