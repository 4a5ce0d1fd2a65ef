// An operator's value set as the form edits it (texts) and as the API takes it (typed values).
// Lists and maps are edited as JSON text; a secret is never shown: its text is empty and only a
// new value typed in is sent (leaving it out keeps the secret the version has).
import type { JsonValue, Operator, RoleVariable, Scalar } from '../api/types'
import { scalarText, toScalar, typeProblem, type ValueProblem } from './valueCheck'

export function valueTexts(variables: RoleVariable[], values: Record<string, JsonValue> = {}): Record<string, string> {
  return Object.fromEntries(variables.map((v) => [v.name, v.type === 'secret' ? '' : scalarText(values[v.name])]))
}

/**
 * Problems keyed as the server keys them (`values.<name>`): a missing required value or a wrong
 * type. A secret named in `secretsSet` counts as given.
 */
export function valueProblems(variables: RoleVariable[], texts: Record<string, string>, secretsSet: string[] = []): Record<string, ValueProblem> {
  const problems: Record<string, ValueProblem> = {}
  for (const v of variables) {
    const text = texts[v.name] ?? ''
    const hasDefault = v.defaultValue !== undefined && v.defaultValue !== null
    const given = text !== '' || (v.type === 'secret' && secretsSet.includes(v.name))
    const problem = text === '' ? (v.required && !hasDefault && !given ? { code: 'required' as const } : null) : typeProblem(v.type, text, v.choices ?? [])
    if (problem) problems[`values.${v.name}`] = problem
  }
  return problems
}

/** Only the values given, typed; a variable left empty falls back to the role's default (a set secret is kept). */
export function typedValues(variables: RoleVariable[], texts: Record<string, string>): Record<string, JsonValue> {
  return Object.fromEntries(variables.filter((v) => (texts[v.name] ?? '') !== '').map((v) => [v.name, toScalar(v.type, texts[v.name])]))
}

/**
 * The server's errors about one variable, nested ones included (`values.vhosts[0].port`), as
 * lines naming the place inside the value: "vhosts[0].port: required".
 */
export function nestedErrors(fields: Record<string, string>, name: string): string {
  const prefix = `values.${name}`
  return Object.entries(fields).filter(([field]) => field === prefix || field.startsWith(`${prefix}[`) || field.startsWith(`${prefix}.`))
    .map(([field, message]) => (field === prefix ? message : `${field.slice('values.'.length)}: ${message}`)).join('; ')
}

/** A version's values as comparable texts: lists and maps as JSON, each set secret as `marker`. */
export function valueFacts(operator: Operator, marker: string): Record<string, Scalar> {
  const facts: Record<string, Scalar> = Object.fromEntries(Object.entries(operator.values).map(([k, v]) => [k, scalarText(v)]))
  for (const name of operator.secretsSet ?? []) facts[name] = marker
  return facts
}
