// Refusals that name their rule (errors[].rule, e.g. "name.length") are shown in the user's
// language; the server answers its own text in the language the console asks for (Accept-Language), and
// a rule the console does not know keeps the server's message.
import { i18n } from '../i18n'

export interface RuleError {
  field: string
  message: string
  /** The rule that refused the value, such as name.length or operator.duplicate. */
  rule?: string
  /** The rule's bound, such as 64 for name.length. */
  limit?: number
}

function key(rule: string): string {
  return `problemRules.${rule}`
}

export function knowsRule(error: RuleError): boolean {
  return !!error.rule && i18n.global.te(key(error.rule))
}

/** The error's message in the console's language when its rule is known, else the server's. */
export function ruleMessage(error: RuleError): string {
  if (!knowsRule(error)) return error.message
  return i18n.global.t(key(error.rule as string), { limit: error.limit ?? '' })
}

/**
 * The problem as the console shows it: each field's message localized by its rule, and the detail
 * made of the localized messages when a rule refused the request (the English detail otherwise).
 */
export function localizeProblem(detail: string, errors: RuleError[]): { detail: string; errors: RuleError[] } {
  const localized = errors.map((error) => ({ ...error, message: ruleMessage(error) }))
  const byRule = localized.filter((_, i) => knowsRule(errors[i]))
  return { detail: byRule.length ? [...new Set(byRule.map((e) => e.message))].join('; ') : detail, errors: localized }
}
