import { describe, expect, it } from 'vitest'
import type { RoleVariable } from '../api/types'
import { nestedErrors, typedValues, valueFacts, valueProblems, valueTexts } from './operatorValues'
import type { Operator } from '../api/types'

const variable = (name: string, type: RoleVariable['type'], extra: Partial<RoleVariable> = {}): RoleVariable =>
  ({ id: 1, roleId: 1, name, actionType: 'driver', type, required: false, ...extra })

const variables = [
  variable('driver_path', 'path', { required: true }),
  variable('retries', 'integer'),
  variable('reboot', 'boolean'),
  variable('mode', 'choice', { choices: ['install', 'remove'] }),
]

describe('operator values', () => {
  it('are checked against the role variable types before saving', () => {
    const texts = { driver_path: 'relative.run', retries: 'three', reboot: 'yes', mode: 'upgrade' }
    expect(valueProblems(variables, texts)).toEqual({
      'values.driver_path': { code: 'type', type: 'path' },
      'values.retries': { code: 'type', type: 'integer' },
      'values.reboot': { code: 'type', type: 'boolean' },
      'values.mode': { code: 'choice', choices: 'install, remove' },
    })
    expect(valueProblems(variables, { driver_path: '' })).toEqual({ 'values.driver_path': { code: 'required' } })
  })

  it('are sent typed, leaving out the ones not given', () => {
    const texts = valueTexts(variables, { driver_path: '/pkg/550.run', retries: 3, reboot: false })
    expect(texts).toEqual({ driver_path: '/pkg/550.run', retries: '3', reboot: 'false', mode: '' })
    expect(typedValues(variables, texts)).toEqual({ driver_path: '/pkg/550.run', retries: 3, reboot: false })
  })

  it('edit lists and maps as JSON, refusing what does not parse or has the wrong shape', () => {
    const structured = [variable('vhosts', 'list'), variable('sysctl', 'map'), variable('token', 'secret', { required: true })]
    const texts = valueTexts(structured, { vhosts: [{ name: 'a', port: 80 }], sysctl: { a: 1 } })
    expect(texts.token).toBe('')
    expect(typedValues(structured, texts)).toEqual({ vhosts: [{ name: 'a', port: 80 }], sysctl: { a: 1 } })
    expect(valueProblems(structured, { vhosts: '{"name":"a"}', sysctl: '{"a":', token: '' }, ['token'])).toEqual({
      'values.vhosts': { code: 'type', type: 'list' },
      'values.sysctl': { code: 'json', type: 'map', detail: expect.any(String) },
    })
    expect(valueProblems(structured, { vhosts: '[]', sysctl: '{}', token: '' })).toEqual({ 'values.token': { code: 'required' } })
  })

  it('show the server\'s errors inside a value under its variable, naming the place', () => {
    const fields = { 'values.vhosts[0].port': 'required', 'values.vhosts[1].state': 'must be one of ["present","absent"]', 'values.vhostsx': 'other' }
    expect(nestedErrors(fields, 'vhosts')).toBe('vhosts[0].port: required; vhosts[1].state: must be one of ["present","absent"]')
  })

  it('compare versions without ever holding a secret, only that it is set', () => {
    const operator = { values: { vhosts: [1, 2], mode: 'install' }, secretsSet: ['token'] } as unknown as Operator
    expect(valueFacts(operator, 'set')).toEqual({ vhosts: '[\n  1,\n  2\n]', mode: 'install', token: 'set' })
  })
})
