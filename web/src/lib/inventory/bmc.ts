// The BMC panel's form: what the operator typed, checked the way the server checks it, and turned
// into the PUT body; the server stays the judge (it names the field it refuses).
import type { Credential, NodeBmc, NodeBmcChange } from '../../api/admin'

export interface BmcForm {
  address: string
  port: string
  credentialId: number | null
  protocol: 'IPMI'
}

export const emptyBmcForm = (): BmcForm => ({ address: '', port: '623', credentialId: null, protocol: 'IPMI' })

export const bmcFormOf = (bmc: NodeBmc): BmcForm =>
  ({ address: bmc.address, port: String(bmc.port), credentialId: bmc.credentialId, protocol: bmc.protocol })

/** Only PASSWORD credentials log in to a BMC. */
export const bmcCredentials = (all: Credential[]): Credential[] => all.filter((c) => c.kind === 'PASSWORD')

/** The field that is wrong and why (an i18n key under bmc.), or null when the form can be sent. */
export function bmcFormProblem(form: BmcForm): { field: keyof BmcForm; key: string } | null {
  const address = form.address.trim()
  if (!address || address.startsWith('-') || /\s/.test(address)) return { field: 'address', key: 'badAddress' }
  const port = Number(form.port)
  if (!/^\d+$/.test(form.port.trim()) || port < 1 || port > 65535) return { field: 'port', key: 'badPort' }
  if (form.credentialId == null) return { field: 'credentialId', key: 'noCredential' }
  return null
}

export function bmcChange(form: BmcForm): NodeBmcChange {
  return { address: form.address.trim(), port: Number(form.port), credentialId: form.credentialId as number, protocol: form.protocol }
}
