import { ApiError } from '../api/http'

/**
 * The current version when the server refused a change as stale (409 with currentVersion): someone
 * changed the thing after this page loaded it. Undefined for every other failure.
 */
export function staleVersion(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined
  const current = error.properties.currentVersion
  return typeof current === 'number' ? current : undefined
}
