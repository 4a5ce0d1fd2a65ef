// The step editor's model: an ordered list of operator and script steps, checked and turned into
// what the API takes. Pure functions, so the component stays thin and the rules are unit-tested.
import type {
  Dispatch, Operator, Shell, ShellParameter, StepType, Template, TemplateDraft, TemplateStepDraft,
} from '../api/types'
import { typeProblem, wholeMatch, type ValueProblem } from './valueCheck'

export interface EditorStep {
  /** Stable across reordering, for list keys and focus. */
  key: number
  type: StepType
  /** The operator version id or the script version id. */
  refId: number
  name: string
  version: number
  /** Script steps only. */
  dispatch?: Dispatch
  params: Record<string, string>
  parameters: ShellParameter[]
  /** False when a newer version of the operator or script exists; undefined when not known. */
  latest?: boolean
}

let nextKey = 1
const newKey = () => nextKey++

export function operatorStep(operator: Pick<Operator, 'id' | 'name' | 'version'> & { latest?: boolean }): EditorStep {
  return {
    key: newKey(), type: 'operator', refId: operator.id, name: operator.name, version: operator.version, params: {}, parameters: [],
    latest: operator.latest,
  }
}

/** A script step with its parameters' defaults filled in, to run where the script says by default. */
export function scriptStep(shell: Pick<Shell, 'id' | 'name' | 'version' | 'dispatch' | 'parameters'> & { latest?: boolean },
                           params: Record<string, string> = {}, dispatch?: Dispatch): EditorStep {
  const filled = Object.fromEntries(shell.parameters.map((p) => [p.name, params[p.name] ?? p.defaultValue ?? '']))
  return {
    key: newKey(), type: 'script', refId: shell.id, name: shell.name, version: shell.version,
    dispatch: dispatch ?? shell.dispatch, params: filled, parameters: shell.parameters, latest: shell.latest,
  }
}

/**
 * The same step pinned to a newer version: it keeps its place, its dispatch and the values of
 * parameters the new version still has; new parameters start from their defaults.
 */
export function upgradedStep(step: EditorStep, newer: Operator | Shell): EditorStep {
  const replaced = step.type === 'operator'
    ? operatorStep(newer as Operator)
    : scriptStep(newer as Shell, step.params, step.dispatch)
  return { ...replaced, key: step.key }
}

/** The steps of a saved template version; `shellsById` gives each script step's parameters. */
export function stepsOf(template: Template, shellsById: Map<number, Shell>): EditorStep[] {
  return [...template.steps].sort((a, b) => a.sequence - b.sequence).map((step) => {
    if (step.type === 'operator') return operatorStep({ id: step.operatorId!, name: step.name, version: step.refVersion })
    const shell = shellsById.get(step.shellId!)
    const base = shell ?? { id: step.shellId!, name: step.name, version: step.refVersion, dispatch: step.dispatch ?? 'ansible', parameters: [] }
    return scriptStep(base, step.params ?? {}, step.dispatch)
  })
}

/** The list with the step at `from` moved to `to` (both clamped); the input is not changed. */
export function moveStep<T>(steps: T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(steps.length - 1, to))
  if (from < 0 || from >= steps.length || from === target) return steps
  const moved = [...steps]
  const [step] = moved.splice(from, 1)
  moved.splice(target, 0, step)
  return moved
}

export function removeStep<T>(steps: T[], index: number): T[] {
  return steps.filter((_, i) => i !== index)
}

/** The problem with one parameter value: required, type, then the parameter's pattern (whole value). */
export function parameterProblem(parameter: ShellParameter, value: string): ValueProblem | null {
  if (value === '') return parameter.required && !parameter.defaultValue ? { code: 'required' } : null
  const typed = typeProblem(parameter.type, value)
  if (typed) return typed
  const pattern = wholeMatch(parameter.pattern)
  const canonical = parameter.type === 'integer' || parameter.type === 'boolean' ? value.trim() : value
  return pattern && !pattern.test(canonical) ? { code: 'pattern', pattern: parameter.pattern } : null
}

/** Every parameter problem, keyed as the server keys them: `steps[0].params.customer`. */
export function stepProblems(steps: EditorStep[]): Record<string, ValueProblem> {
  const problems: Record<string, ValueProblem> = {}
  steps.forEach((step, i) => step.parameters.forEach((p) => {
    const problem = parameterProblem(p, step.params[p.name] ?? '')
    if (problem) problems[paramField(i, p.name)] = problem
  }))
  return problems
}

export const paramField = (index: number, name: string) => `steps[${index}].params.${name}`

/** What the API takes: script steps send only the values given, so that defaults stay the script's. */
export function toDraft(name: string, description: string, steps: EditorStep[]): TemplateDraft {
  return {
    name: name.trim(),
    description: description.trim() || undefined,
    steps: steps.map((step): TemplateStepDraft => step.type === 'operator'
      ? { type: 'operator', operatorId: step.refId }
      : {
          type: 'script', shellId: step.refId, dispatch: step.dispatch,
          params: Object.fromEntries(Object.entries(step.params).filter(([, v]) => v !== '')),
        }),
  }
}
