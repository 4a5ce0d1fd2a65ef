// Typed calls for the catalog (roles, operators, scripts, templates) and for editing jobs.
import { languageHeader, problemOf, readCookie, request, toQueryString } from './http'
import type { CatalogImportResult } from '../lib/catalogPlan'
import type { GitSource, GitSync, ImportRecord } from '../lib/gitSources'
import type { PageRequest } from './index'
import type {
  AnsibleCollection, CatalogRole, Job, JobDraft, Operator, OperatorDraft, Page, RoleDetails, RoleDiff, RoleVariable, RoleVersion, Shell,
  ShellDraft, Template, TemplateDraft, TemplatePlan, VariableDraft,
} from './types'

export interface CatalogQuery {
  name?: string
  allVersions?: boolean
}

const get = <T>(path: string, query?: Record<string, string | number | boolean | undefined>) =>
  request<T>('GET', path, undefined, query)
/**
 * If-Match: the version (or a role's revision) a change is based on; the server refuses a stale
 * one with 409 and the current version instead of overwriting someone else's change.
 */
const basedOn = (version?: number): Record<string, string> => (version === undefined ? {} : { 'If-Match': `"${version}"` })
const post = <T>(path: string, body: unknown, version?: number) =>
  request<T>('POST', path, body, undefined, 'application/json', basedOn(version))
const put = <T>(path: string, body: unknown, version?: number) =>
  request<T>('PUT', path, body, undefined, 'application/json', basedOn(version))
const remove = (path: string, version?: number) => request<void>('DELETE', path, undefined, undefined, 'application/json', basedOn(version))

/** Sends a file as multipart (the browser sets the boundary), with the CSRF header. */
async function upload<T>(path: string, file: File, version?: number, query = ''): Promise<T> {
  const form = new FormData()
  form.append('file', file)
  const headers: Record<string, string> = { Accept: 'application/json', ...languageHeader(), ...basedOn(version) }
  const token = readCookie('XSRF-TOKEN')
  if (token) headers['X-XSRF-TOKEN'] = decodeURIComponent(token)
  const response = await fetch(`/api/v1${path}${query}`, { method: 'POST', headers, body: form, credentials: 'same-origin' })
  if (!response.ok) throw await problemOf(response)
  return (await response.json()) as T
}

export const collections = {
  list: () => get<AnsibleCollection[]>('/collections'),
  // ADMIN only: a collection's modules run as root on every node.
  upload: (file: File) => upload<AnsibleCollection>('/collections', file),
}

export const roles = {
  list: (page: PageRequest, query: CatalogQuery = {}) => get<Page<CatalogRole>>('/roles', { ...page, name: query.name }),
  get: (id: number) => get<RoleDetails>(`/roles/${id}`),
  create: (name: string, description?: string) => post<RoleDetails>('/roles', { name, description }),
  // Changing role code (files, variables, reports) is ADMIN's alone; each names the role's revision.
  uploadArchive: (id: number, file: File, revision?: number) => upload<RoleDetails>(`/roles/${id}/archive`, file, revision),
  // What an upload would change and break, saving nothing.
  previewArchive: (id: number, file: File) => upload<RoleDiff>(`/roles/${id}/archive`, file, undefined, '?dryRun=true'),
  addVariable: (id: number, draft: VariableDraft, revision?: number) => post<RoleVariable>(`/roles/${id}/variables`, draft, revision),
  deleteVariable: (id: number, variableId: number, revision?: number) => remove(`/roles/${id}/variables/${variableId}`, revision),
  versions: (id: number) => get<RoleVersion[]>(`/roles/${id}/versions`),
  diff: (id: number, from: number, to: number) => get<RoleDiff>(`/roles/${id}/versions/${from}/diff/${to}`),
}

export const operators = {
  list: (page: PageRequest, query: CatalogQuery & { roleId?: number } = {}) =>
    get<Page<Operator>>('/operators', { ...page, ...query }),
  get: (id: number) => get<Operator>(`/operators/${id}`),
  versions: (id: number) => get<Operator[]>(`/operators/${id}/versions`),
  create: (draft: OperatorDraft) => post<Operator>('/operators', draft),
  update: (id: number, draft: OperatorDraft, version?: number) => put<Operator>(`/operators/${id}`, draft, version),
}

export const shells = {
  list: (page: PageRequest, query: CatalogQuery = {}) => get<Page<Shell>>('/shells', { ...page, ...query }),
  get: (id: number) => get<Shell>(`/shells/${id}`),
  versions: (id: number) => get<Shell[]>(`/shells/${id}/versions`),
  create: (draft: ShellDraft) => post<Shell>('/shells', draft),
  update: (id: number, draft: ShellDraft, version?: number) => put<Shell>(`/shells/${id}`, draft, version),
}

export const templates = {
  list: (page: PageRequest, query: CatalogQuery = {}) => get<Page<Template>>('/templates', { ...page, ...query }),
  get: (id: number) => get<Template>(`/templates/${id}`),
  versions: (id: number) => get<Template[]>(`/templates/${id}/versions`),
  plan: (id: number) => get<TemplatePlan>(`/templates/${id}/plan`),
  create: (draft: TemplateDraft) => post<Template>('/templates', draft),
  update: (id: number, draft: TemplateDraft, version?: number) => put<Template>(`/templates/${id}`, draft, version),
}

export const jobEditing = {
  get: (id: number, version?: number) => get<Job>(`/jobs/${id}`, { version }),
  versions: (id: number) => get<Job[]>(`/jobs/${id}/versions`),
  create: (draft: JobDraft) => post<Job>('/jobs', draft),
  update: (id: number, draft: JobDraft, version?: number) => put<Job>(`/jobs/${id}`, draft, version),
}

/** Catalog as code: the catalog as a tar.gz, and the plan (or the applied result) of importing one. */
export const catalogCode = {
  /** The tree as a tar.gz; include: e.g. 'roles,templates' (all kinds when left out). */
  async export(include?: string): Promise<Blob> {
    const response = await fetch(`/api/v1/catalog/export${toQueryString({ include })}`,
      { headers: { Accept: 'application/gzip, application/problem+json', ...languageHeader() }, credentials: 'same-origin' })
    if (!response.ok) throw await problemOf(response)
    return response.blob()
  },
  /** The dry run: what importing the tree would do; nothing changes (ADMIN only). */
  plan: (file: File) => upload<CatalogImportResult>('/catalog/import?dryRun=true', file),
  /** Applies the tree: 409 (with the plan) when it has conflicts, 400 naming the file it refuses. */
  apply: (file: File) => upload<CatalogImportResult>('/catalog/import', file),
}

/** Git sources of catalog trees: register (ADMIN), sync (the plan of the branch's commit now), apply an approved commit. */
export const gitSources = {
  list: () => get<GitSource[]>('/catalog/git-sources'),
  create: (draft: Record<string, unknown>) => post<GitSource>('/catalog/git-sources', draft),
  /** The plan of the commit the branch (tag) is at now; nothing changes. */
  sync: (id: number) => post<GitSync>(`/catalog/git-sources/${id}/sync`, undefined),
  /** Applies the plan of {@code commit}: 409 when the branch moved since or the plan has conflicts. */
  apply: (id: number, commit: string) =>
    request<GitSync>('POST', `/catalog/git-sources/${id}/sync`, undefined, { apply: true, commit }),
  /** The versions imports made of one item (kind: script, template, ...), newest first, with their commits. */
  importsOf: (kind: string, name: string) => get<ImportRecord[]>('/catalog/imports', { kind, name, limit: 1000 }),
}
