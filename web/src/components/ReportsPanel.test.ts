import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../i18n/en'
import ReportsPanel from './ReportsPanel.vue'
import type { Report } from '../api'
import { judged, report } from '../lib/judgements.fixtures'

// The chart library needs a canvas; here it is replaced by a recorder of what would be drawn.
const drawn: object[] = []
vi.mock('../lib/echarts', () => ({
  echarts: { init: () => ({ setOption: (option: object) => drawn.push(option), resize: () => {}, dispose: () => {} }) },
}))

function mountPanel() {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
  const reports = [
    report(1, '10.0.0.1', '# NCCL\n\n| GPUs | 8 x NVIDIA H100 80GB HBM3 |\n| --- | --- |\n\nfast'),
    report(2, '10.0.0.2', '# NCCL\n\nslow <img src=x onerror=alert(1)>'),
  ]
  return mount(ReportsPanel, {
    props: { reports, judgements: [judged(1, '10.0.0.1', 'PASS', 478.85), judged(2, '10.0.0.2', 'FAIL', 371.11)] },
    global: { plugins: [i18n, ElementPlus] },
    attachTo: document.body,
  })
}

describe('ReportsPanel', () => {
  it('shows each node’s verdict with its figure and the pass line, failing nodes first', async () => {
    const panel = mountPanel()
    await flushPromises()
    expect(panel.find('[data-test="verdict-counts"]').text()).toContain('1 failed')
    const rows = panel.findAll('[data-test="judgements"] tbody tr')
    expect(rows[0].text()).toContain('10.0.0.2')
    expect(rows[0].text()).toContain('FAIL')
    expect(rows[0].text()).toContain('371.11 GB/s')
    expect(rows[0].text()).toContain('≥ 460.00 GB/s')
    expect(rows[0].text()).toContain('8 x H100 SXM')
    expect(rows[1].text()).toContain('PASS')
    panel.unmount()
  })

  it('draws the busbw chart through the lazily loaded chart library', async () => {
    drawn.length = 0
    const panel = mountPanel()
    await flushPromises()
    await vi.dynamicImportSettled()
    expect(drawn).toHaveLength(1)
    expect(JSON.stringify(drawn[0])).toContain('10.0.0.2')
    panel.unmount()
  })

  it('renders a report only once its panel is opened', async () => {
    const panel = mountPanel()
    await flushPromises()
    expect(panel.findAll('[data-test="report"]')).toHaveLength(0)
    await panel.findAll('.el-collapse-item__header')[1].trigger('click')
    await flushPromises()
    const shown = panel.findAll('[data-test="report"]')
    expect(shown).toHaveLength(1)
    expect(shown[0].text()).toContain('slow')
    expect(shown[0].html()).not.toContain('onerror')
    panel.unmount()
  })

  it('keeps an opened report shown when the page reads the same reports again', async () => {
    const panel = mountPanel()
    await flushPromises()
    await panel.findAll('.el-collapse-item__header')[1].trigger('click')
    await flushPromises()
    // The run page re-reads reports when the run ends and at each refresh: a new array, the same reports.
    await panel.setProps({ reports: panel.props('reports').map((r: Report) => ({ ...r })) })
    await flushPromises()
    const shown = panel.findAll('[data-test="report"]')
    expect(shown).toHaveLength(1)
    expect(shown[0].text()).toContain('slow')
    await panel.setProps({ reports: [panel.props('reports')[0]] })
    await flushPromises()
    expect(panel.findAll('[data-test="report"]')).toHaveLength(0)
    panel.unmount()
  })

  it('shows the same report of several nodes side by side, sanitised', async () => {
    const panel = mountPanel()
    await panel.find('[data-test="side-by-side"] input').setValue(true)
    await flushPromises()
    const columns = panel.findAll('[data-test="compare-column"]')
    expect(columns.map((c) => c.find('header').text())).toEqual(['10.0.0.2FAIL', '10.0.0.1PASS'])
    expect(columns[0].html()).not.toContain('onerror')
    panel.unmount()
  })
})
