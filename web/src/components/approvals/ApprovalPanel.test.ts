import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../../i18n/en'
import zh from '../../i18n/zh-CN'
import type { Run } from '../../api'
import ApprovalPanel from './ApprovalPanel.vue'

const approve = vi.fn(async () => ({}))
vi.mock('../../api', async (original) => ({
  ...(await original<typeof import('../../api')>()),
  runs: { approve: (...args: unknown[]) => approve(...(args as [])), reject: vi.fn() },
}))

function waitingRun(): Run {
  return {
    id: 7, jobId: 1, jobVersion: 2, jobName: 'delivery', kind: 'RUN', status: 'PENDING_APPROVAL', executedBy: 'alice',
    queuedAt: '2026-12-07T10:00:00Z', cancelRequested: false,
    items: [{ sequence: 1, templateId: 3, templateName: 'drivers', templateVersion: 1,
      nodes: [{ nodeId: 1, ip: '10.0.0.1' }, { nodeId: 2, ip: '10.0.0.2' }],
      steps: [{ sequence: 1, name: 'install', type: 'operator', status: 'PENDING', hosts: [] }] }],
    approval: { reasons: ['2 of its nodes are DELIVERED to a tenant: 10.0.0.1, 10.0.0.2'], requestedBy: 'alice', requestedAt: '2026-12-07T10:00:00Z' },
  }
}

function mountFor(username: string, locale = 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zh } })
  return mount(ApprovalPanel, { props: { run: waitingRun(), username, canOperate: true }, global: { plugins: [i18n, ElementPlus] } })
}

describe('ApprovalPanel', () => {
  it('shows why the run waits and the plan, and lets a second person approve it with a comment', async () => {
    const panel = mountFor('bob')
    expect(panel.find('[data-test=approval-reasons]').text()).toContain('DELIVERED to a tenant: 10.0.0.1, 10.0.0.2')
    expect(panel.text()).toContain('it runs 1 step(s) on 2 node(s)')
    await panel.find('input').setValue('maintenance window agreed')
    await panel.find('[data-test=approve-run]').trigger('click')
    await flushPromises()
    expect(approve).toHaveBeenCalledWith(7, 'maintenance window agreed')
    expect(panel.emitted('decided')).toHaveLength(1)
  })

  it('tells the person who started the run that someone else must approve it, and offers no decision', () => {
    const panel = mountFor('alice', 'zh-CN')
    expect(panel.find('[data-test=approval-own]').text()).toContain('须由其他人审批')
    expect(panel.find('[data-test=approve-run]').exists()).toBe(false)
  })
})
