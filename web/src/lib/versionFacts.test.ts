import { describe, expect, it } from 'vitest'
import type { Shell, Template } from '../api/types'
import { scriptFacts, templateFacts } from './versionFacts'
import { countChanges, diffValues } from './valueDiff'

const template = (steps: Template['steps']): Template =>
  ({ id: 1, name: 't', version: 1, originalTemplateId: 1, latest: true, deleted: false, steps, createdAt: '', createdBy: 'a' })

describe('version facts', () => {
  it('describe template steps by position, so a diff shows what changed at each step', () => {
    const v1 = template([{ sequence: 1, type: 'operator', operatorId: 2, name: 'driver 550', refVersion: 1 }])
    const v2 = template([
      { sequence: 1, type: 'operator', operatorId: 3, name: 'driver 550', refVersion: 2 },
      { sequence: 2, type: 'script', shellId: 4, name: 'nccl', refVersion: 1, dispatch: 'agent', params: { customer: 'acme' } },
    ])
    expect(templateFacts(v2)['#2']).toBe('script nccl v1 (agent) customer=acme')
    expect(countChanges(diffValues(templateFacts(v1), templateFacts(v2)))).toEqual({ added: 1, removed: 0, changed: 1 })
  })

  it('describe a script by command, dispatch, parameters and report files', () => {
    const script = {
      name: 'hello', command: 'echo <who>', dispatch: 'ansible', reports: ['/tmp/<who>.md'],
      parameters: [{ name: 'who', type: 'string', pattern: '[a-z]+', required: true }],
    } as unknown as Shell
    expect(scriptFacts(script)).toEqual({
      name: 'hello', description: '', command: 'echo <who>', dispatch: 'ansible', '<who>': 'string [a-z]+ required', 'report 1': '/tmp/<who>.md',
    })
  })
})
