// The console's early check of a typed value, mirroring the server's rules so that mistakes show
// next to the field before saving (the server checks again and has the last word).
import type { JsonValue, Scalar, VariableTypeName } from '../api/types'

export type ValueProblem =
  | { code: 'required' }
  | { code: 'type'; type: VariableTypeName }
  | { code: 'choice'; choices: string }
  | { code: 'pattern'; pattern: string }
  | { code: 'json'; type: VariableTypeName; detail: string }

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
    case 'list': case 'map': return structureProblem(type, text)
    default: return null
  }
}

/** A list or map typed as JSON: it must parse, and be an array (list) or an object (map). */
function structureProblem(type: VariableTypeName, text: string): ValueProblem | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    return { code: 'json', type, detail: e instanceof Error ? e.message : String(e) }
  }
  const fits = type === 'list' ? Array.isArray(value) : value !== null && typeof value === 'object' && !Array.isArray(value)
  return fits ? null : { code: 'type', type }
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
export function toScalar(type: VariableTypeName, text: string): JsonValue {
  if (type === 'list' || type === 'map') return JSON.parse(text) as JsonValue
  if (type === 'integer') return Number(text.trim())
  if (type === 'boolean') return text.trim().toLowerCase() === 'true'
  return text
}

export function scalarText(value: JsonValue | undefined): string {
  if (value !== null && typeof value === 'object') return JSON.stringify(value, null, 2)
  return value === undefined || value === null ? '' : String(value)
}
