import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../i18n/en'
import type { Run, StepStatus } from '../api/types'
import RunMatrix from './RunMatrix.vue'

const { nodeOutput } = vi.hoisted(() => ({ nodeOutput: vi.fn(async () => 'driver 550.54.14 installed\n') }))
vi.mock('../api', async (original) => ({ ...(await original<typeof import('../api')>()), runs: { nodeOutput } }))

/** A run of `nodes` nodes × `steps` steps; every 33rd node failed the first step. */
function bigRun(nodes: number, steps: number): Run {
  const ips = Array.from({ length: nodes }, (_, i) => ({ nodeId: i + 1, ip: `10.0.${Math.floor(i / 250)}.${i % 250}` }))
  return {
    id: 9, jobId: 1, jobVersion: 1, jobName: 'delivery', kind: 'RUN', status: 'FAILED', executedBy: 'admin',
    queuedAt: '2026-01-01T00:00:00Z', cancelRequested: false,
    items: [{
      sequence: 1, templateId: 1, templateName: 'GPU node delivery', templateVersion: 1, nodes: ips,
      steps: Array.from({ length: steps }, (_, s) => ({
        sequence: s + 1, name: `step ${s + 1}`, type: 'script', status: 'SUCCEEDED' as StepStatus, outputId: 100 + s,
        hosts: ips.map((n) => ({ ...n, status: (s === 0 && n.nodeId % 33 === 0 ? 'FAILED' : 'SUCCEEDED') as StepStatus })),
      })),
    }],
  }
}

function mountMatrix(run: Run) {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
  return mount(RunMatrix, {
    props: { run },
    global: { plugins: [i18n, ElementPlus], stubs: { RouterLink: { template: '<a><slot /></a>' } } },
    attachTo: document.body,
  })
}

describe('RunMatrix', () => {
  it('renders only the rows in view of 1,000 nodes × 10 steps, with the counts of every step', () => {
    const matrix = mountMatrix(bigRun(1000, 10))
    const rows = matrix.findAll('tr.row')
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(40)
    expect(matrix.findAll('tr.row td button')).toHaveLength(rows.length * 10)
    expect(matrix.find('thead').text()).toContain('970') // 1,000 − 30 failed on step 1
  })

  it('filters to the failed nodes', async () => {
    const matrix = mountMatrix(bigRun(1000, 10))
    await matrix.find('input[type=checkbox]').setValue(true)
    const rows = matrix.findAll('tr.row')
    expect(rows.map((row) => row.find('button').attributes('data-status'))).toEqual(rows.map(() => 'FAILED'))
    const spacer = matrix.findAll('tbody tr').at(-1)!.attributes('style')
    expect(spacer).toContain(`height: ${(30 - rows.length) * 30}px`) // 30 failed nodes, the rest below the fold
  })

  it("loads a node's output for a step only when its cell is opened", async () => {
    const matrix = mountMatrix(bigRun(40, 2))
    expect(nodeOutput).not.toHaveBeenCalled()
    await matrix.findAll('tr.row')[2].findAll('button')[1].trigger('click')
    await flushPromises()
    expect(nodeOutput).toHaveBeenCalledWith(9, 101, 3)
    expect(document.body.querySelector('[data-test=node-output]')?.textContent).toContain('driver 550.54.14 installed')
  })
})
