import { useI18n } from 'vue-i18n'
import type { ValueProblem } from '../lib/valueCheck'

/** Turns a value problem found in the browser into a sentence in the user's language. */
export function useValueProblem() {
  const { t } = useI18n()
  return (problem: ValueProblem | null | undefined): string => {
    if (!problem) return ''
    switch (problem.code) {
      case 'required': return t('catalog.problem.required')
      case 'type': return t('catalog.problem.type', { type: t(`catalog.types.${problem.type}`) })
      case 'choice': return t('catalog.problem.choice', { choices: problem.choices })
      case 'pattern': return t('catalog.problem.pattern', { pattern: problem.pattern })
      case 'json': return t('catalog.problem.json', { type: t(`catalog.types.${problem.type}`), detail: problem.detail })
    }
  }
}
