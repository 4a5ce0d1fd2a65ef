// The pool spec form: text fields as typed, turned into the PUT body (an empty field declares nothing).
import type { BurnInTier, PoolSpec } from '../api/types'

export interface SpecForm {
  gpuModel: string
  gpuCount: string
  nvswitch: '' | 'true' | 'false'
  nicCount: string
  nicLinkRateGbps: string
  driverVersion: string
  cudaVersion: string
  fabricManagerVersion: string
  acceptanceMaxAgeDays: string
  deliveryTier: '' | BurnInTier
  tierValidForDays: string
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value))

export function specForm(spec: PoolSpec | null | undefined): SpecForm {
  return {
    gpuModel: text(spec?.gpuModel), gpuCount: text(spec?.gpuCount),
    nvswitch: spec?.nvswitch === true ? 'true' : spec?.nvswitch === false ? 'false' : '',
    nicCount: text(spec?.nicCount), nicLinkRateGbps: text(spec?.nicLinkRateGbps), driverVersion: text(spec?.driverVersion),
    cudaVersion: text(spec?.cudaVersion), fabricManagerVersion: text(spec?.fabricManagerVersion),
    acceptanceMaxAgeDays: text(spec?.acceptanceMaxAgeDays),
    deliveryTier: spec?.deliveryTier ?? '', tierValidForDays: text(spec?.tierValidForDays),
  }
}

/** Whole numbers only; anything else is sent as typed so that the server names the field (never silently dropped). */
function count(value: string): number | string | null {
  const v = value.trim()
  if (!v) return null
  return /^\d+$/.test(v) ? Number(v) : v
}

export function specBody(form: SpecForm): PoolSpec {
  const trimmed = (v: string) => v.trim() || null
  return {
    gpuModel: trimmed(form.gpuModel), gpuCount: count(form.gpuCount) as number | null,
    nvswitch: form.nvswitch === '' ? null : form.nvswitch === 'true',
    nicCount: count(form.nicCount) as number | null, nicLinkRateGbps: count(form.nicLinkRateGbps) as number | null,
    driverVersion: trimmed(form.driverVersion), cudaVersion: trimmed(form.cudaVersion),
    fabricManagerVersion: trimmed(form.fabricManagerVersion),
    acceptanceMaxAgeDays: count(form.acceptanceMaxAgeDays) as number | null,
    deliveryTier: form.deliveryTier || null, tierValidForDays: count(form.tierValidForDays) as number | null,
  }
}

/** Fields the form can tell are not whole numbers before sending. */
export function specProblems(form: SpecForm): (keyof SpecForm)[] {
  const counts: (keyof SpecForm)[] = ['gpuCount', 'nicCount', 'nicLinkRateGbps', 'acceptanceMaxAgeDays', 'tierValidForDays']
  return counts.filter((field) => form[field].trim() !== '' && !/^\d+$/.test(form[field].trim()))
}
