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

/** A failed run of three nodes and two steps: node 2 failed step 1, node 3 was unreachable, the run stopped. */
function smallRun(): Run {
  const nodes = [1, 2, 3].map((nodeId) => ({ nodeId, ip: `10.0.0.${nodeId}` }))
  return {
    id: 10, jobId: 1, jobVersion: 1, jobName: 'delivery', kind: 'RUN', status: 'FAILED', executedBy: 'admin',
    queuedAt: '2026-01-01T00:00:00Z', cancelRequested: false,
    items: [{
      sequence: 1, templateId: 1, templateName: 'GPU node delivery', templateVersion: 1, nodes,
      steps: [
        { sequence: 1, name: 'check', type: 'operator', status: 'FAILED', outputId: 200, hosts: [
          { nodeId: 1, ip: '10.0.0.1', status: 'SUCCEEDED' },
          { nodeId: 2, ip: '10.0.0.2', status: 'FAILED', rc: 2, message: 'GPU count mismatch: expected 8, found 7' },
          { nodeId: 3, ip: '10.0.0.3', status: 'UNREACHABLE', message: 'ssh: connect to host 10.0.0.3 port 22: Connection refused\nretry' },
        ] },
        { sequence: 2, name: 'install', type: 'operator', status: 'FAILED', outputId: 200, hosts: [
          { nodeId: 1, ip: '10.0.0.1', status: 'SUCCEEDED' },
          { nodeId: 2, ip: '10.0.0.2', status: 'SKIPPED', notRunReason: 'EARLIER_STEP_FAILED', message: 'not run' },
          { nodeId: 3, ip: '10.0.0.3', status: 'SKIPPED', notRunReason: 'RUN_STOPPED', message: 'not run' },
        ] },
      ],
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
    expect(matrix.find('[data-test=step-counts]').attributes('aria-label')).toBe('970 succeeded, 30 failed') // 30 failed step 1
  })

  it('counts the outcomes of each step in its header, in words', () => {
    const matrix = mountMatrix(smallRun())
    const headers = matrix.findAll('[data-test=step-counts]').map((counts) => counts.attributes('aria-label'))
    expect(headers).toEqual(['1 succeeded, 1 failed, 1 unreachable', '1 succeeded, 2 not run'])
    expect(matrix.findAll('[data-test=step-counts]')[1].findAll('span').map((count) => count.text())).toEqual(['1 succeeded', '2 not run'])
  })

  it('shows a cell the node never reached as not run with why, and a failed cell with its message', async () => {
    const matrix = mountMatrix(smallRun())
    const cells = matrix.findAll('tr.row').map((row) => row.findAll('button').map((cell) => [cell.attributes('data-status'),
      cell.find('[data-test=cell-detail]').exists() ? cell.find('[data-test=cell-detail]').text() : '']))
    expect(cells).toEqual([
      [['SUCCEEDED', ''], ['SUCCEEDED', '']],
      [['FAILED', 'GPU count mismatch: expected 8, found 7'], ['NOT_RUN', 'an earlier step failed on this node']],
      [['UNREACHABLE', 'ssh: connect to host 10.0.0.3 port 22: Connection refused'], ['NOT_RUN', 'the run stopped before this step']],
    ])
    expect(matrix.findAll('[data-status=PENDING]')).toHaveLength(0)
    await matrix.findAll('tr.row')[1].findAll('button')[1].trigger('click')
    await flushPromises()
    expect(document.body.querySelector('[data-test=not-run-reason]')?.textContent).toBe('an earlier step failed on this node')
  })

  it("shows a running node's current task in its cell", () => {
    const run = smallRun()
    run.status = 'RUNNING'
    run.items![0].steps[1] = { ...run.items![0].steps[1], status: 'RUNNING', hosts: [
      { nodeId: 1, ip: '10.0.0.1', status: 'RUNNING', progress: 'ins_driver_cuda : install the driver packages' },
    ] }
    const matrix = mountMatrix(run)
    const first = matrix.findAll('tr.row')[0].findAll('button')[1]
    expect(first.attributes('data-status')).toBe('RUNNING')
    expect(first.find('[data-test=cell-detail]').text()).toBe('ins_driver_cuda : install the driver packages')
    expect(matrix.findAll('tr.row')[1].findAll('button')[1].attributes('data-status')).toBe('PENDING') // live: not reached yet
  })

  it('filters to the failed nodes', async () => {
    const matrix = mountMatrix(bigRun(1000, 10))
    await matrix.find('input[type=checkbox]').setValue(true)
    const rows = matrix.findAll('tr.row')
    expect(rows.map((row) => row.find('button').attributes('data-status'))).toEqual(rows.map(() => 'FAILED'))
    const spacer = matrix.findAll('tbody tr').at(-1)!.attributes('style')
    expect(spacer).toContain(`height: ${(30 - rows.length) * 44}px`) // 30 failed nodes, the rest below the fold
  })

  it("loads a node's output for a step only when its cell is opened", async () => {
    nodeOutput.mockClear()
    const matrix = mountMatrix(bigRun(40, 2))
    expect(nodeOutput).not.toHaveBeenCalled()
    await matrix.findAll('tr.row')[2].findAll('button')[1].trigger('click')
    await flushPromises()
    expect(nodeOutput).toHaveBeenCalledWith(9, 101, 3)
    expect(document.body.querySelector('[data-test=node-output]')?.textContent).toContain('driver 550.54.14 installed')
  })
})
