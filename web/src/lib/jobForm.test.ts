import { describe, expect, it } from 'vitest'
import type { Job } from '../api/types'
import { addNodes, affectedCount, formOfJob, jobFormProblems, newItem, newParameter, toJobDraft } from './jobForm'

describe('job form', () => {
  it('counts each node once: pool totals plus single nodes outside those pools', () => {
    const a = { ...newItem(), templateId: 1, poolIds: [2], nodes: [{ id: 10, ip: '10.0.0.10', nodePoolId: 2 }, { id: 11, ip: '10.0.0.11', nodePoolId: 3 }] }
    const b = { ...newItem(), templateId: 2, poolIds: [2, 4], nodes: [{ id: 11, ip: '10.0.0.11', nodePoolId: 3 }] }
    const totals = new Map([[2, 5], [4, 1]])
    expect(affectedCount([a], totals)).toBe(6)
    expect(affectedCount([a, b], totals)).toBe(7)
    expect(affectedCount([newItem()], totals)).toBe(0)
  })

  it('adds picked nodes once', () => {
    const n = (id: number) => ({ id, ip: `10.0.0.${id}` })
    expect(addNodes([n(1), n(2)], [n(2), n(3), n(3)]).map((x) => x.id)).toEqual([1, 2, 3])
  })

  it('sends items in order with pools and nodes as targets', () => {
    const form = formOfJob(undefined)
    form.name = ' delivery '
    form.items[0] = { ...form.items[0], templateId: 9, poolIds: [2], nodes: [{ id: 5, ip: '10.0.0.5' }] }
    expect(toJobDraft(form)).toEqual({
      name: 'delivery', comments: undefined, failurePolicy: 'STOP_NODE',
      items: [{ templateId: 9, targets: [{ type: 'node_pool', id: 2 }, { type: 'node', id: 5 }] }], parameters: [],
    })
  })

  it('a new job stops only the failed node, and its parameters are saved typed', () => {
    const form = formOfJob(undefined)
    expect(form.failurePolicy).toBe('STOP_NODE')
    form.parameters = [
      { ...newParameter(), name: 'gpu_count', type: 'INT', defaultValue: '8', required: true },
      { ...newParameter(), name: 'reboot', type: 'BOOL', defaultValue: 'false' },
      { ...newParameter(), name: 'profile', type: 'CHOICE', choices: 'fast, full', description: ' which ' },
      { ...newParameter(), name: 'note' },
    ]
    expect(toJobDraft(form).parameters).toEqual([
      { name: 'gpu_count', type: 'INT', required: true, defaultValue: 8 },
      { name: 'reboot', type: 'BOOL', required: false, defaultValue: false },
      { name: 'profile', type: 'CHOICE', required: false, choices: ['fast', 'full'], description: 'which' },
      { name: 'note', type: 'STRING', required: false },
    ])
  })

  it('refuses parameter names Ansible would take for its own, twice-declared names and choices without choices', () => {
    const form = formOfJob(undefined)
    form.parameters = [
      { ...newParameter(), name: 'ansible_host' }, { ...newParameter(), name: 'x' }, { ...newParameter(), name: 'x' },
      { ...newParameter(), name: 'c', type: 'CHOICE' }, { ...newParameter(), name: 'n', type: 'INT', defaultValue: '1.5' },
    ]
    expect(jobFormProblems(form)).toMatchObject({
      'parameters[0].name': 'variableName', 'parameters[2].name': 'duplicate', 'parameters[3].choices': 'noChoices',
      'parameters[4].defaultValue': 'notInteger',
    })
  })

  it('says what is missing before saving', () => {
    const form = formOfJob(undefined)
    expect(jobFormProblems(form)).toEqual({ name: 'required', 'items[0].templateId': 'required', 'items[0].targets': 'noTargets' })
    form.items = []
    expect(jobFormProblems(form).items).toBe('noItems')
  })

  it('loads a saved version with its targets', () => {
    const job: Job = {
      id: 1, version: 2, latest: true, name: 'j', failurePolicy: 'CONTINUE', createdAt: '', createdBy: 'admin',
      items: [{ sequence: 1, templateId: 9, templateName: 't', templateVersion: 3, targets: [{ type: 'node_pool', id: 2 }, { type: 'node', id: 5 }] }],
    }
    const form = formOfJob(job, new Map([[5, { id: 5, ip: '10.0.0.5', nodePoolId: 7 }]]))
    expect(form.failurePolicy).toBe('CONTINUE')
    expect(form.items[0]).toMatchObject({ templateId: 9, templateLabel: 't v3', poolIds: [2], nodes: [{ id: 5, ip: '10.0.0.5', nodePoolId: 7 }] })
  })
})
