// How a picker names a catalog entry: name, package version (operators), version and description,
// so that two entries never read the same (the server refuses two live operators of one role with
// one name and package version; templates and scripts differ by name).

export interface Pickable {
  name: string
  version: number
  pkgVersion?: string | null
  description?: string | null
}

const MAX_DESCRIPTION = 60

/** The parts a picker shows: the name, then what tells it from its neighbours. */
export function pickerParts(item: Pickable): { name: string; version: string; description: string } {
  const pkg = item.pkgVersion?.trim()
  // An operator's default name already ends with its package version ("ins_driver_cuda 550"): not twice.
  const version = [pkg && !item.name.endsWith(` ${pkg}`) ? pkg : '', `v${item.version}`].filter(Boolean).join(' · ')
  const description = (item.description ?? '').replace(/\s+/g, ' ').trim()
  return {
    name: item.name,
    version,
    description: description.length > MAX_DESCRIPTION ? `${description.slice(0, MAX_DESCRIPTION - 1)}…` : description,
  }
}

/** One line for an option's label and a chosen value's text. */
export function pickerLabel(item: Pickable): string {
  const { name, version, description } = pickerParts(item)
  return [`${name} ${version}`, description].filter(Boolean).join(' — ')
}
