// The one place that talks HTTP to the server: JSON in and out, the CSRF header on changes,
// problem+json errors turned into ApiError (refusals that name their rule in the user's language),
// and a hook for "the session has ended".
import { i18n } from '../i18n'
import { localizeProblem, type RuleError } from '../lib/problemRules'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: RuleError[] = [],
    /** The problem's extra members, e.g. currentVersion of a stale edit (409). */
    readonly properties: Record<string, unknown> = {},
  ) {
    super(detail)
    this.name = 'ApiError'
  }
}

type Unauthorized = () => void
let onUnauthorized: Unauthorized = () => {}

/** Called with every 401 except the sign-in's own (the session expired or was never there). */
export function setUnauthorizedHandler(handler: Unauthorized): void {
  onUnauthorized = handler
}

/** The console's language, so that the server writes its refusals in it (problem details by Accept-Language). */
export function languageHeader(): Record<string, string> {
  return { 'Accept-Language': String(i18n.global.locale.value) }
}

export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`
  return document.cookie
    .split('; ')
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length)
}

export type Query = Record<string, string | number | boolean | string[] | null | undefined>

export function toQueryString(query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) value.filter((v) => v !== '').forEach((v) => params.append(key, v))
    else params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The ApiError of a failed answer (its problem+json in the user's language where known). */
export async function problemOf(response: Response): Promise<ApiError> {
  let detail = `${response.status} ${response.statusText}`
  let fields: RuleError[] = []
  let properties: Record<string, unknown> = {}
  try {
    const body: unknown = await response.json()
    if (body && typeof body === 'object') {
      const problem = body as { detail?: unknown; title?: unknown; errors?: unknown }
      if (typeof problem.detail === 'string') detail = problem.detail
      else if (typeof problem.title === 'string') detail = problem.title
      if (Array.isArray(problem.errors)) fields = problem.errors as typeof fields
      properties = body as Record<string, unknown>
      const localized = localizeProblem(detail, fields)
      detail = localized.detail
      fields = localized.errors
    }
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, detail, fields, properties)
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query, accept = 'application/json',
  extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: accept, ...languageHeader(), ...extraHeaders }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && method !== 'HEAD') {
    const token = readCookie('XSRF-TOKEN')
    if (token) headers['X-XSRF-TOKEN'] = decodeURIComponent(token)
  }
  const response = await fetch(`/api/v1${path}${toQueryString(query)}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) {
    const error = await problemOf(response)
    if (response.status === 401 && path !== '/auth/login') onUnauthorized()
    throw error
  }
  if (response.status === 204) return undefined as T
  const type = response.headers.get('Content-Type') ?? ''
  return (type.includes('json') ? await response.json() : await response.text()) as T
}

export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  /** A text/plain answer (errors still come as problem+json). */
  text: (path: string, query?: Query) => request<string>('GET', path, undefined, query, 'text/plain, application/problem+json'),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
}
