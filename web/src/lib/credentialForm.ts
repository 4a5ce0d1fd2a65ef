// The credential form's rules: secrets are write-only, so on an edit an empty secret field keeps
// the stored secret and only an explicit "remove" sends the empty string that removes it.
import type { Credential, CredentialChange } from '../api/admin'

export interface CredentialForm {
  name: string
  description: string
  sshUser: string
  privateKey: string
  passphrase: string
  becomePassword: string
  removePassphrase: boolean
  removeBecomePassword: boolean
}

export type CredentialProblem = 'nameRequired' | 'keyRequired'

export function emptyCredentialForm(credential?: Credential): CredentialForm {
  return {
    name: credential?.name ?? '', description: credential?.description ?? '', sshUser: credential?.sshUser ?? '',
    privateKey: '', passphrase: '', becomePassword: '', removePassphrase: false, removeBecomePassword: false,
  }
}

/** What the form lacks before it can be sent; null when it is complete. */
export function credentialProblem(form: CredentialForm, editing: boolean): CredentialProblem | null {
  if (!form.name.trim()) return 'nameRequired'
  if (!editing && !form.privateKey.trim()) return 'keyRequired'
  return null
}

/** The request body: a new credential carries every secret given; an edit only the secrets typed or removed. */
export function credentialChange(form: CredentialForm, editing: boolean): CredentialChange {
  const optional = (value: string, remove: boolean) => (editing && remove ? '' : value === '' ? undefined : value)
  return {
    name: form.name.trim(),
    description: form.description.trim() || undefined,
    sshUser: form.sshUser.trim() || undefined,
    privateKey: form.privateKey.trim() ? form.privateKey.replace(/\r\n/g, '\n').trimEnd() + '\n' : undefined,
    passphrase: optional(form.passphrase, form.removePassphrase),
    becomePassword: optional(form.becomePassword, form.removeBecomePassword),
  }
}

/** "2 node pools, 5 nodes" data for the used-by column, and whether deleting would be refused. */
export function usage(credential: Pick<Credential, 'poolCount' | 'nodeCount'>): { pools: number; nodes: number; inUse: boolean } {
  return { pools: credential.poolCount, nodes: credential.nodeCount, inUse: credential.poolCount + credential.nodeCount > 0 }
}
