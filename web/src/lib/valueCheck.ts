// The console's early check of a typed value, mirroring the server's rules so that mistakes show
// next to the field before saving (the server checks again and has the last word).
import type { Scalar, VariableTypeName } from '../api/types'

export type ValueProblem =
  | { code: 'required' }
  | { code: 'type'; type: VariableTypeName }
  | { code: 'choice'; choices: string }
  | { code: 'pattern'; pattern: string }

const VERSION = /^[0-9A-Za-z][0-9A-Za-z._+~:-]{0,63}$/
const INTEGER = /^[+-]?[0-9]{1,18}$/

/** The problem with `text` as a value of `type`, or null when it is fine. Empty text is "not given". */
export function typeProblem(type: VariableTypeName, text: string, choices: string[] = []): ValueProblem | null {
  if (text === '') return null
  switch (type) {
    case 'path': return text.startsWith('/') && !/[\r\n]/.test(text) ? null : { code: 'type', type }
    case 'version': return VERSION.test(text) ? null : { code: 'type', type }
    case 'integer': return INTEGER.test(text.trim()) ? null : { code: 'type', type }
    case 'boolean': return /^(true|false)$/i.test(text.trim()) ? null : { code: 'type', type }
    case 'choice': return choices.includes(text) ? null : { code: 'choice', choices: choices.join(', ') }
    default: return null
  }
}

/** A Java-style whole-value pattern in JavaScript, or null when the browser cannot read it (the server will). */
export function wholeMatch(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u')
  } catch {
    return null
  }
}

/** The typed JSON value the API expects for a checked text. */
export function toScalar(type: VariableTypeName, text: string): Scalar {
  if (type === 'integer') return Number(text.trim())
  if (type === 'boolean') return text.trim().toLowerCase() === 'true'
  return text
}

export function scalarText(value: Scalar | null | undefined): string {
  return value === undefined || value === null ? '' : String(value)
}
