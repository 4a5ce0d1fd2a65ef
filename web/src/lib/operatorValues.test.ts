import { describe, expect, it } from 'vitest'
import type { RoleVariable } from '../api/types'
import { typedValues, valueProblems, valueTexts } from './operatorValues'

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
})
