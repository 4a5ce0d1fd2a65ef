// What a version of a template or a script says, as key/value lines, so that two versions can be
// compared with the same key-by-key diff as an operator's values.
import type { Scalar, Shell, Template } from '../api/types'

export function templateFacts(template: Template): Record<string, Scalar> {
  const facts: Record<string, Scalar> = { name: template.name, description: template.description ?? '' }
  for (const step of [...template.steps].sort((a, b) => a.sequence - b.sequence)) {
    const params = Object.entries(step.params ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')
    const where = step.dispatch ? ` (${step.dispatch})` : ''
    facts[`#${step.sequence}`] = `${step.type} ${step.name} v${step.refVersion}${where}${params ? ` ${params}` : ''}`
  }
  return facts
}

export function scriptFacts(script: Shell): Record<string, Scalar> {
  const facts: Record<string, Scalar> = {
    name: script.name, description: script.description ?? '', command: script.command, dispatch: script.dispatch,
  }
  for (const p of script.parameters) {
    facts[`<${p.name}>`] = `${p.type} ${p.pattern}${p.required ? ' required' : ''}${p.defaultValue ? ` default=${p.defaultValue}` : ''}`
  }
  script.reports.forEach((path, i) => { facts[`report ${i + 1}`] = path })
  return facts
}
