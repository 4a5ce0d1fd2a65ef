// A key-by-key comparison of two value sets (an operator's variable values in two versions).
import type { Scalar } from '../api/types'

export type ChangeKind = 'added' | 'removed' | 'changed' | 'same'

export interface ValueChange {
  key: string
  kind: ChangeKind
  before?: Scalar
  after?: Scalar
}

/**
 * Every key of either side once, in the order of the newer side then the keys only the older one
 * has. Values are compared as typed scalars, so the integer 1 and the text "1" differ.
 */
export function diffValues(before: Record<string, Scalar>, after: Record<string, Scalar>): ValueChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])]
  return keys.map((key) => {
    const had = Object.hasOwn(before, key)
    const has = Object.hasOwn(after, key)
    const kind: ChangeKind = !had ? 'added' : !has ? 'removed' : before[key] === after[key] ? 'same' : 'changed'
    return { key, kind, before: had ? before[key] : undefined, after: has ? after[key] : undefined }
  })
}

/** How many keys were added, removed and changed: the summary above a diff. */
export function countChanges(changes: ValueChange[]): Record<Exclude<ChangeKind, 'same'>, number> {
  const count = (kind: ChangeKind) => changes.filter((c) => c.kind === kind).length
  return { added: count('added'), removed: count('removed'), changed: count('changed') }
}
