import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../i18n/en'
import LogViewer from './LogViewer.vue'

function mountViewer() {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
  return mount(LogViewer, {
    props: { downloadUrl: '/api/v1/runs/1/log', stream: 'live', finished: false, hasEarlier: true },
    global: { plugins: [i18n, ElementPlus] },
  })
}

describe('LogViewer', () => {
  it('keeps only the lines in view in the page however long the log is', async () => {
    const viewer = mountViewer()
    const lines = Array.from({ length: 100_000 }, (_, i) => `10.0.0.${i % 200} | line ${i}`).join('\n')
    viewer.vm.append(`${lines}\n`)
    await viewer.vm.$nextTick()
    const shown = viewer.findAll('.line')
    expect(shown.length).toBeGreaterThan(10)
    expect(shown.length).toBeLessThan(60)
  })

  it('shows colours and never what a node printed as markup', async () => {
    const viewer = mountViewer()
    viewer.vm.append('\u001b[32mok\u001b[0m <script>alert(1)</script>\n')
    await viewer.vm.$nextTick()
    expect(viewer.find('.line span.ansi-fg-green').text()).toBe('ok')
    expect(viewer.find('.line script').exists()).toBe(false)
    expect(viewer.find('.line').text()).toContain('<script>alert(1)</script>')
  })

  it('finds a line and counts the matches', async () => {
    const viewer = mountViewer()
    viewer.vm.append('a\nFAILED on gpu-1\nb\nfailed on gpu-2\n')
    const field = viewer.find('[data-test=log-search]')
    const search = field.element.tagName === 'INPUT' ? field : field.find('input')
    await search.setValue('failed')
    await search.trigger('keyup', { key: 'Enter' })
    expect(viewer.find('[data-test=log-matches]').text()).toBe('2 of 2')
    expect(viewer.find('.line.match').text()).toBe('failed on gpu-2')
  })

  it('offers earlier output while only the tail is loaded', async () => {
    const viewer = mountViewer()
    await viewer.find('[data-test=load-earlier]').trigger('click')
    expect(viewer.emitted('load-earlier')).toHaveLength(1)
  })
})
