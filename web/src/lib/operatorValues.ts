// An operator's value set as the form edits it (texts) and as the API takes it (typed scalars).
import type { RoleVariable, Scalar } from '../api/types'
import { scalarText, toScalar, typeProblem, type ValueProblem } from './valueCheck'

export function valueTexts(variables: RoleVariable[], values: Record<string, Scalar> = {}): Record<string, string> {
  return Object.fromEntries(variables.map((v) => [v.name, scalarText(values[v.name])]))
}

/** Problems keyed as the server keys them (`values.<name>`): a missing required value or a wrong type. */
export function valueProblems(variables: RoleVariable[], texts: Record<string, string>): Record<string, ValueProblem> {
  const problems: Record<string, ValueProblem> = {}
  for (const v of variables) {
    const text = texts[v.name] ?? ''
    const hasDefault = v.defaultValue !== undefined && v.defaultValue !== null
    const problem = text === '' ? (v.required && !hasDefault ? { code: 'required' as const } : null) : typeProblem(v.type, text, v.choices ?? [])
    if (problem) problems[`values.${v.name}`] = problem
  }
  return problems
}

/** Only the values given, typed; a variable left empty falls back to the role's default. */
export function typedValues(variables: RoleVariable[], texts: Record<string, string>): Record<string, Scalar> {
  return Object.fromEntries(variables.filter((v) => (texts[v.name] ?? '') !== '').map((v) => [v.name, toScalar(v.type, texts[v.name])]))
}
