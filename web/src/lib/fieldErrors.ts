import { ApiError } from '../api/http'

/** A failed save, split into the form's message and the messages of the fields the server named. */
export interface SaveProblem {
  detail: string
  fields: Record<string, string>
}

export function problemOf(error: unknown): SaveProblem {
  if (!(error instanceof ApiError)) return { detail: String(error), fields: {} }
  const fields: Record<string, string> = {}
  for (const { field, message } of error.fieldErrors) fields[field] ??= message
  return { detail: error.detail, fields }
}

export const noProblem = (): SaveProblem => ({ detail: '', fields: {} })
