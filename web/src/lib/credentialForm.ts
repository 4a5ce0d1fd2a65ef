// The credential form's rules: secrets are write-only, so on an edit an empty secret field keeps
// the stored secret and only an explicit "remove" sends the empty string that removes it.
import type { Credential, CredentialChange } from '../api/admin'

export interface CredentialForm {
  /** SSH_KEY reaches nodes; PASSWORD is a BMC's user name and password. Fixed once created. */
  kind: 'SSH_KEY' | 'PASSWORD'
  username: string
  password: string
  name: string
  description: string
  sshUser: string
  privateKey: string
  passphrase: string
  becomePassword: string
  removePassphrase: boolean
  removeBecomePassword: boolean
}

export type CredentialProblem = 'nameRequired' | 'keyRequired' | 'usernameRequired' | 'passwordRequired'

export function emptyCredentialForm(credential?: Credential): CredentialForm {
  return {
    kind: credential?.kind ?? 'SSH_KEY', username: credential?.username ?? '', password: '',
    name: credential?.name ?? '', description: credential?.description ?? '', sshUser: credential?.sshUser ?? '',
    privateKey: '', passphrase: '', becomePassword: '', removePassphrase: false, removeBecomePassword: false,
  }
}

/** What the form lacks before it can be sent; null when it is complete. */
export function credentialProblem(form: CredentialForm, editing: boolean): CredentialProblem | null {
  if (!form.name.trim()) return 'nameRequired'
  if (form.kind === 'PASSWORD') {
    if (!form.username.trim()) return 'usernameRequired'
    return !editing && !form.password ? 'passwordRequired' : null
  }
  if (!editing && !form.privateKey.trim()) return 'keyRequired'
  return null
}

/** The request body: a new credential carries every secret given; an edit only the secrets typed or removed. */
export function credentialChange(form: CredentialForm, editing: boolean): CredentialChange {
  const optional = (value: string, remove: boolean) => (editing && remove ? '' : value === '' ? undefined : value)
  if (form.kind === 'PASSWORD') {
    return { name: form.name.trim(), description: form.description.trim() || undefined, kind: 'PASSWORD',
      username: form.username.trim(), password: form.password === '' ? undefined : form.password }
  }
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
export function usage(credential: Pick<Credential, 'poolCount' | 'nodeCount' | 'bmcCount'>):
  { pools: number; nodes: number; bmcs: number; inUse: boolean } {
  const bmcs = credential.bmcCount ?? 0
  return { pools: credential.poolCount, nodes: credential.nodeCount, bmcs, inUse: credential.poolCount + credential.nodeCount + bmcs > 0 }
}
