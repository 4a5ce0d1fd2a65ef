import { describe, expect, it } from 'vitest'
import type { InventoryNode } from '../../api/types'
import { nodeChangeOf, nodeFormOf, nodeFormProblem } from './nodeForm'

const node = {
  id: 3, ip: '10.0.0.11', hostname: 'gpu-11', nodeType: 'baremetal', gpuType: 'H100', gpuCount: 8, sshPort: 2222, sshUser: 'ops',
  nodePoolId: 4, credentialId: 9, labels: { rack: 'r1', row: '2' }, registeredAt: '', createdAt: '', createdBy: 'admin', locked: false, version: 5,
} as InventoryNode

describe('node form', () => {
  it('starts a new node on port 22 in the given pool, with no credential of its own', () => {
    const form = nodeFormOf(undefined, 4)
    expect(form).toMatchObject({ ip: '', sshPort: 22, nodePoolId: 4, credentialId: null, labels: '' })
  })

  it('asks for the address and for labels written as key=value', () => {
    const form = nodeFormOf()
    expect(nodeFormProblem(form)).toEqual({ key: 'ipRequired' })
    form.ip = '10.0.0.12'
    form.labels = 'rack=r1; oops'
    expect(nodeFormProblem(form)).toEqual({ key: 'badLabels', labels: 'oops' })
    form.labels = 'rack=r1, row=2'
    expect(nodeFormProblem(form)).toBeNull()
  })

  it('edits round-trip: the body keeps the node type the form does not show and carries the version it saw', () => {
    const change = nodeChangeOf(nodeFormOf(node), node)
    expect(change).toEqual({
      ip: '10.0.0.11', hostname: 'gpu-11', sshPort: 2222, sshUser: 'ops', nodeType: 'baremetal', gpuType: 'H100', gpuCount: 8,
      nodePoolId: 4, labels: { rack: 'r1', row: '2' }, credentialId: 9, version: 5,
    })
  })

  it('sends a cleared credential as null, so the node falls back to its pool\'s', () => {
    const form = { ...nodeFormOf(node), credentialId: undefined }
    expect(nodeChangeOf(form, node).credentialId).toBeNull()
  })
})
