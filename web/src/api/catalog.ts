// Typed calls for the catalog (roles, operators, scripts, templates) and for editing jobs.
import { ApiError, readCookie, request } from './http'
import type { PageRequest } from './index'
import type {
  CatalogRole, Job, JobDraft, Operator, OperatorDraft, Page, RoleDetails, RoleVariable, Shell, ShellDraft, Template,
  TemplateDraft, TemplatePlan, VariableDraft,
} from './types'

export interface CatalogQuery {
  name?: string
  allVersions?: boolean
}

const get = <T>(path: string, query?: Record<string, string | number | boolean | undefined>) =>
  request<T>('GET', path, undefined, query)
const post = <T>(path: string, body: unknown) => request<T>('POST', path, body)
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body)
const remove = (path: string) => request<void>('DELETE', path)

/** Sends a file as multipart (the browser sets the boundary), with the CSRF header. */
async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData()
  form.append('file', file)
  const headers: Record<string, string> = { Accept: 'application/json' }
  const token = readCookie('XSRF-TOKEN')
  if (token) headers['X-XSRF-TOKEN'] = decodeURIComponent(token)
  const response = await fetch(`/api/v1${path}`, { method: 'POST', headers, body: form, credentials: 'same-origin' })
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const problem = (body ?? {}) as { detail?: string; errors?: { field: string; message: string }[] }
    throw new ApiError(response.status, problem.detail ?? `${response.status} ${response.statusText}`, problem.errors ?? [])
  }
  return body as T
}

export const roles = {
  list: (page: PageRequest, query: CatalogQuery = {}) => get<Page<CatalogRole>>('/roles', { ...page, name: query.name }),
  get: (id: number) => get<RoleDetails>(`/roles/${id}`),
  create: (name: string, description?: string) => post<RoleDetails>('/roles', { name, description }),
  uploadArchive: (id: number, file: File) => upload<RoleDetails>(`/roles/${id}/archive`, file),
  addVariable: (id: number, draft: VariableDraft) => post<RoleVariable>(`/roles/${id}/variables`, draft),
  deleteVariable: (id: number, variableId: number) => remove(`/roles/${id}/variables/${variableId}`),
}

export const operators = {
  list: (page: PageRequest, query: CatalogQuery & { roleId?: number } = {}) =>
    get<Page<Operator>>('/operators', { ...page, ...query }),
  get: (id: number) => get<Operator>(`/operators/${id}`),
  versions: (id: number) => get<Operator[]>(`/operators/${id}/versions`),
  create: (draft: OperatorDraft) => post<Operator>('/operators', draft),
  update: (id: number, draft: OperatorDraft) => put<Operator>(`/operators/${id}`, draft),
}

export const shells = {
  list: (page: PageRequest, query: CatalogQuery = {}) => get<Page<Shell>>('/shells', { ...page, ...query }),
  get: (id: number) => get<Shell>(`/shells/${id}`),
  versions: (id: number) => get<Shell[]>(`/shells/${id}/versions`),
  create: (draft: ShellDraft) => post<Shell>('/shells', draft),
  update: (id: number, draft: ShellDraft) => put<Shell>(`/shells/${id}`, draft),
}

export const templates = {
  list: (page: PageRequest, query: CatalogQuery = {}) => get<Page<Template>>('/templates', { ...page, ...query }),
  get: (id: number) => get<Template>(`/templates/${id}`),
  versions: (id: number) => get<Template[]>(`/templates/${id}/versions`),
  plan: (id: number) => get<TemplatePlan>(`/templates/${id}/plan`),
  create: (draft: TemplateDraft) => post<Template>('/templates', draft),
  update: (id: number, draft: TemplateDraft) => put<Template>(`/templates/${id}`, draft),
}

export const jobEditing = {
  get: (id: number, version?: number) => get<Job>(`/jobs/${id}`, { version }),
  versions: (id: number) => get<Job[]>(`/jobs/${id}/versions`),
  create: (draft: JobDraft) => post<Job>('/jobs', draft),
  update: (id: number, draft: JobDraft) => put<Job>(`/jobs/${id}`, draft),
}
