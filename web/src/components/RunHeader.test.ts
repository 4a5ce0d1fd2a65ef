import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../i18n/en'
import zhCN from '../i18n/zh-CN'
import type { Run } from '../api/types'
import RunHeader from './RunHeader.vue'

function failedRun(message: string): Run {
  return {
    id: 12, jobId: 1, jobVersion: 1, jobName: 'delivery', kind: 'RUN', status: 'FAILED', executedBy: 'admin', message,
    queuedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:10:00Z', durationMs: 600000, cancelRequested: false,
    items: [{
      sequence: 1, templateId: 1, templateName: 'GPU node delivery', templateVersion: 1, steps: [],
      nodes: [
        { nodeId: 1, ip: '10.0.0.1', status: 'SUCCEEDED' }, { nodeId: 2, ip: '10.0.0.2', status: 'SUCCEEDED' },
        { nodeId: 3, ip: '10.0.0.3', status: 'FAILED' }, { nodeId: 4, ip: '10.0.0.4', status: 'UNREACHABLE' },
      ],
    }],
  }
}

function mountHeader(run: Run, locale: 'en' | 'zh-CN') {
  const i18n = createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } })
  return mount(RunHeader, {
    props: { run, canOperate: false, busy: '' },
    global: { plugins: [i18n, ElementPlus], stubs: { RouterLink: { template: '<a><slot /></a>' } }, mocks: { $router: {} } },
  })
}

describe('RunHeader', () => {
  it("says how the run's nodes ended in the user's language, not the server's English", () => {
    const run = failedRun('at least one step failed on at least one node')
    expect(mountHeader(run, 'en').find('[data-test=run-summary]').text())
      .toBe('4 nodes: 2 succeeded, 1 failed, 1 unreachable. At least one step did not succeed on at least one node.')
    const zh = mountHeader(run, 'zh-CN')
    expect(zh.find('[data-test=run-summary]').text()).toBe('共 4 个节点：2 个成功，1 个失败，1 个不可达。至少有一个节点的至少一个步骤未成功。')
    expect(zh.text()).not.toContain('at least one step failed')
  })

  it('still shows a message that carries detail of its own', () => {
    const header = mountHeader(failedRun('the engine failed: connection refused'), 'en')
    expect(header.find('[data-test=run-detail]').text()).toBe('Detail: the engine failed: connection refused')
  })
})
