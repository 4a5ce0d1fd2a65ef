import { describe, expect, it } from 'vitest'
import { credentialChange, credentialProblem, emptyCredentialForm, usage } from './credentialForm'

const stored = {
  id: 7, name: 'gpu-root', description: 'racks 1-4', sshUser: 'root', keyType: 'ED25519', keyEncrypted: false, fingerprint: 'SHA256:x',
  fingerprintSource: 'PUBLIC_KEY' as const, hasPassphrase: true, hasBecomePassword: true, poolCount: 1, nodeCount: 0, createdAt: '2026-01-01T00:00:00Z',
}

describe('credential form', () => {
  it('asks for a name, and for a private key only when creating', () => {
    const form = emptyCredentialForm()
    expect(credentialProblem(form, false)).toBe('nameRequired')
    form.name = 'gpu-root'
    expect(credentialProblem(form, false)).toBe('keyRequired')
    expect(credentialProblem(emptyCredentialForm(stored), true)).toBeNull()
  })

  it('on an edit with empty secret fields sends no secret, so the stored ones are kept', () => {
    const change = credentialChange(emptyCredentialForm(stored), true)
    expect(change).toEqual({ name: 'gpu-root', description: 'racks 1-4', sshUser: 'root', privateKey: undefined, passphrase: undefined, becomePassword: undefined })
  })

  it('on an edit sends the empty string only for a secret the user chose to remove', () => {
    const form = { ...emptyCredentialForm(stored), removeBecomePassword: true, passphrase: 'new phrase' }
    const change = credentialChange(form, true)
    expect(change.becomePassword).toBe('')
    expect(change.passphrase).toBe('new phrase')
  })

  it('never sends a removal when creating, and ends a pasted key with one newline', () => {
    const form = { ...emptyCredentialForm(), name: ' k ', privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\r\nabc\r\n-----END OPENSSH PRIVATE KEY-----\r\n\r\n', removePassphrase: true }
    const change = credentialChange(form, false)
    expect(change.name).toBe('k')
    expect(change.passphrase).toBeUndefined()
    expect(change.privateKey).toBe('-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n')
  })

  it('counts a credential used by a pool or a node as in use', () => {
    expect(usage(stored).inUse).toBe(true)
    expect(usage({ poolCount: 0, nodeCount: 0 }).inUse).toBe(false)
  })

  it('a PASSWORD credential needs a user name, a password when created, and sends neither SSH field', () => {
    const form = { ...emptyCredentialForm(), kind: 'PASSWORD' as const, name: 'bmc-rack3' }
    expect(credentialProblem(form, false)).toBe('usernameRequired')
    form.username = 'ADMIN'
    expect(credentialProblem(form, false)).toBe('passwordRequired')
    form.password = 's3cret'
    expect(credentialProblem(form, false)).toBeNull()
    expect(credentialChange(form, false)).toEqual({ name: 'bmc-rack3', description: undefined, kind: 'PASSWORD', username: 'ADMIN', password: 's3cret' })
    expect(credentialChange({ ...form, password: '' }, true).password).toBeUndefined()
    expect(usage({ poolCount: 0, nodeCount: 0, bmcCount: 2 }).inUse).toBe(true)
  })
})
