import { describe, expect, it } from 'vitest'
import type { Credential } from '../../api/admin'
import { bmcChange, bmcCredentials, bmcFormOf, bmcFormProblem, emptyBmcForm } from './bmc'

const form = (change: Partial<ReturnType<typeof emptyBmcForm>>) => ({ ...emptyBmcForm(), credentialId: 3, address: '10.0.8.17', ...change })

describe('BMC form', () => {
  it('sends the address trimmed and the port as a number', () => {
    expect(bmcChange(form({ address: ' bmc-07.rack3 ', port: '16623' })))
      .toEqual({ address: 'bmc-07.rack3', port: 16623, credentialId: 3, protocol: 'IPMI' })
  })

  it('names the field that is wrong before sending', () => {
    expect(bmcFormProblem(form({ address: '' }))?.field).toBe('address')
    expect(bmcFormProblem(form({ address: '-oProxyCommand=x' }))?.field).toBe('address')
    expect(bmcFormProblem(form({ port: '0' }))?.field).toBe('port')
    expect(bmcFormProblem(form({ port: '65536' }))?.field).toBe('port')
    expect(bmcFormProblem(form({ port: '62a' }))?.field).toBe('port')
    expect(bmcFormProblem(form({ credentialId: null }))?.field).toBe('credentialId')
    expect(bmcFormProblem(form({}))).toBeNull()
  })

  it('offers only password credentials and reads a stored BMC back into the form', () => {
    const list = [{ id: 1, kind: 'SSH_KEY' }, { id: 3, kind: 'PASSWORD' }, { id: 4 }] as Credential[]
    expect(bmcCredentials(list).map((c) => c.id)).toEqual([3])
    expect(bmcFormOf({ nodeId: 9, address: '10.0.8.17', port: 623, credentialId: 3, protocol: 'IPMI', updatedAt: '', updatedBy: 'admin' }))
      .toEqual({ address: '10.0.8.17', port: '623', credentialId: 3, protocol: 'IPMI' })
  })
})
