// The spare pool's recurring burn-in form: numbers as typed, turned into the PUT body.
import type { BurnInTier, SpareBurnIn, SpareBurnInChange } from '../api/types'

export interface SpareBurnInForm {
  enabled: boolean
  tier: BurnInTier
  everyDays: string
  maxNodesAtOnce: string
}

export function burnInForm(setting: SpareBurnIn): SpareBurnInForm {
  return { enabled: setting.enabled, tier: setting.tier, everyDays: String(setting.everyDays), maxNodesAtOnce: String(setting.maxNodesAtOnce) }
}

/** Whole numbers as numbers; anything else as typed, so that the server refuses it naming the field (never silently dropped). */
function count(value: string): number | string {
  const v = value.trim()
  return /^\d+$/.test(v) ? Number(v) : v
}

export function burnInBody(form: SpareBurnInForm): SpareBurnInChange {
  return { enabled: form.enabled, tier: form.tier, everyDays: count(form.everyDays), maxNodesAtOnce: count(form.maxNodesAtOnce) }
}
