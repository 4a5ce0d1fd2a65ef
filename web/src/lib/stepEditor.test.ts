import { describe, expect, it } from 'vitest'
import type { Shell, ShellParameter, Template } from '../api/types'
import {
  moveStep, operatorStep, parameterProblem, removeStep, scriptStep, stepProblems, stepsOf, toDraft, upgradedStep,
} from './stepEditor'

const parameter = (overrides: Partial<ShellParameter> = {}): ShellParameter =>
  ({ name: 'customer', type: 'string', pattern: '[a-z0-9_-]{1,32}', required: true, ...overrides })

const shell = (overrides: Partial<Shell> = {}): Shell => ({
  id: 7, name: 'nccl_single_test', command: './t.sh <customer>', dispatch: 'ansible', version: 2, originalShellId: 5,
  latest: true, deleted: false, parameters: [parameter()], reports: [], createdAt: '', createdBy: 'admin', ...overrides,
})

const driver550 = { id: 3, name: 'ins_driver_cuda 550', version: 2 }

describe('step editor', () => {
  it('adds operator and script steps, the script with its parameters and default dispatch', () => {
    const steps = [operatorStep(driver550), scriptStep(shell({ parameters: [parameter(), parameter({ name: 'n', defaultValue: '8', required: false })] }))]
    expect(steps.map((s) => [s.type, s.refId, s.name])).toEqual([['operator', 3, 'ins_driver_cuda 550'], ['script', 7, 'nccl_single_test']])
    expect(steps[1].params).toEqual({ customer: '', n: '8' })
    expect(steps[1].dispatch).toBe('ansible')
    expect(new Set(steps.map((s) => s.key)).size).toBe(2)
  })

  it('reorders by moving one step, clamped to the list and leaving the input alone', () => {
    const list = ['a', 'b', 'c', 'd']
    expect(moveStep(list, 0, 2)).toEqual(['b', 'c', 'a', 'd'])
    expect(moveStep(list, 3, 0)).toEqual(['d', 'a', 'b', 'c'])
    expect(moveStep(list, 1, 0)).toEqual(['b', 'a', 'c', 'd']) // "move up"
    expect(moveStep(list, 3, 4)).toBe(list) // "move down" on the last step does nothing
    expect(moveStep(list, 0, -1)).toBe(list)
    expect(list).toEqual(['a', 'b', 'c', 'd'])
    expect(removeStep(list, 1)).toEqual(['a', 'c', 'd'])
  })

  it('checks a parameter value against required, its type and its whole pattern', () => {
    expect(parameterProblem(parameter(), '')).toEqual({ code: 'required' })
    expect(parameterProblem(parameter({ required: false }), '')).toBeNull()
    expect(parameterProblem(parameter({ defaultValue: 'acme' }), '')).toBeNull()
    expect(parameterProblem(parameter(), 'qwkj')).toBeNull()
    expect(parameterProblem(parameter(), 'QWKJ')).toEqual({ code: 'pattern', pattern: '[a-z0-9_-]{1,32}' })
    expect(parameterProblem(parameter(), 'ok; rm -rf /')).toEqual({ code: 'pattern', pattern: '[a-z0-9_-]{1,32}' })
    expect(parameterProblem(parameter({ pattern: 'a|b' }), 'ab')).toEqual({ code: 'pattern', pattern: 'a|b' })
    expect(parameterProblem(parameter({ type: 'integer', pattern: '[0-9]+' }), 'eight')).toEqual({ code: 'type', type: 'integer' })
    expect(parameterProblem(parameter({ type: 'integer', pattern: '[0-9]+' }), ' 8 ')).toBeNull()
  })

  it('keys problems as the server does, per step and parameter', () => {
    const steps = [operatorStep(driver550), scriptStep(shell()), scriptStep(shell(), { customer: 'fine' })]
    expect(stepProblems(steps)).toEqual({ 'steps[1].params.customer': { code: 'required' } })
  })

  it('sends operator ids, script ids with the values given and the chosen dispatch, in the shown order', () => {
    const optional = parameter({ name: 'note', required: false, pattern: '.*' })
    let steps = [scriptStep(shell({ parameters: [parameter(), optional] }), { customer: 'qwkj' }), operatorStep(driver550)]
    steps[0].dispatch = 'agent'
    steps = moveStep(steps, 1, 0)
    expect(toDraft('  delivery ', '', steps)).toEqual({
      name: 'delivery',
      description: undefined,
      steps: [
        { type: 'operator', operatorId: 3 },
        { type: 'script', shellId: 7, dispatch: 'agent', params: { customer: 'qwkj' } },
      ],
    })
  })

  it('loads a saved version in sequence order with the script parameters and pinned versions', () => {
    const template: Template = {
      id: 9, name: 't', version: 3, originalTemplateId: 1, latest: true, deleted: false, createdAt: '', createdBy: 'admin',
      steps: [
        { sequence: 2, type: 'script', shellId: 7, name: 'nccl_single_test', refVersion: 2, dispatch: 'launcher', params: { customer: 'x' } },
        { sequence: 1, type: 'operator', operatorId: 3, name: 'ins_driver_cuda 550', refVersion: 2 },
      ],
    }
    const steps = stepsOf(template, new Map([[7, shell()]]))
    expect(steps.map((s) => [s.type, s.refId, s.version, s.dispatch])).toEqual([['operator', 3, 2, undefined], ['script', 7, 2, 'launcher']])
    expect(steps[1].params).toEqual({ customer: 'x' })
    expect(steps[1].parameters).toHaveLength(1)
  })

  it('moves a step to a newer version in place, keeping the values the new version still takes', () => {
    const old = scriptStep(shell({ latest: false, parameters: [parameter(), parameter({ name: 'gone', required: false })] }), { customer: 'qwkj', gone: 'x' }, 'agent')
    const newer = shell({ id: 8, version: 3, parameters: [parameter(), parameter({ name: 'n', required: false, defaultValue: '8' })] })
    const upgraded = upgradedStep(old, newer)
    expect(upgraded).toMatchObject({ key: old.key, refId: 8, version: 3, dispatch: 'agent', params: { customer: 'qwkj', n: '8' }, latest: true })
    expect(old.latest).toBe(false)
  })
})
