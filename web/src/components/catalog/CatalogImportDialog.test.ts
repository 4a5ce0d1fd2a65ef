import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../../i18n/en'
import { ApiError } from '../../api/http'
import type { CatalogImportResult, PlanEntry } from '../../lib/catalogPlan'
import CatalogImportDialog from './CatalogImportDialog.vue'

// The server's two answers (dry run, apply), as each test sets them.
const server = vi.hoisted(() => ({ plan: vi.fn(), apply: vi.fn() }))
vi.mock('../../api/catalog', () => ({ catalogCode: server }))

const entry = (kind: string, name: string, action: PlanEntry['action'], more: Partial<PlanEntry> = {}): PlanEntry =>
  ({ kind, name, action, path: `${kind}s/${name}.yaml`, detail: `${action} detail`, platformVersion: 2, exportedFromVersion: 2, ...more })
const result = (plan: PlanEntry[], dryRun = true): CatalogImportResult => ({ plan, dryRun, applied: !dryRun, counts: {} })

let dialog: VueWrapper | undefined
afterEach(() => {
  dialog?.unmount()
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

/** Opens the dialog and chooses a file, whose dry run the server answers as set before. */
async function chooseFile(name = 'catalog.tar.gz') {
  dialog = mount(CatalogImportDialog, {
    attachTo: document.body,
    global: { plugins: [createI18n({ legacy: false, locale: 'en', messages: { en } }), ElementPlus] },
  })
  ;(dialog.vm as unknown as { open: () => void }).open()
  await flushPromises()
  const input = document.querySelector<HTMLInputElement>('[data-test=catalog-import-file]')!
  Object.defineProperty(input, 'files', { value: [new File(['tree'], name)], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

async function planOf(answer: CatalogImportResult) {
  server.plan.mockResolvedValueOnce(answer)
  await chooseFile()
}

const all = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector))
const text = (selector: string) => document.querySelector<HTMLElement>(selector)?.textContent?.trim()
const applyButton = () => document.querySelector<HTMLButtonElement>('[data-test=catalog-import-apply]')!
const shownActions = () => all('[data-test=catalog-plan-table] [data-test=catalog-plan-action]').map((tag) => tag.dataset.action)

describe('CatalogImportDialog', () => {
  it('shows an unchanged tree as all UNCHANGED, hidden by "only changes", and keeps Apply off', async () => {
    await planOf(result([entry('role', 'base', 'UNCHANGED'), entry('script', 'nccl', 'UNCHANGED')]))

    expect(server.plan).toHaveBeenCalledOnce()
    expect(text('[data-test=catalog-plan-count-UNCHANGED]')).toBe('Unchanged: 2')
    expect(text('[data-test=catalog-plan-count-CREATE]')).toBe('Create: 0')
    expect(shownActions()).toEqual([])
    expect(text('[data-test=catalog-plan-why-not]')).toContain('nothing would change')
    expect(applyButton().disabled).toBe(true)

    document.querySelector<HTMLElement>('[data-test=catalog-plan-only-changes]')!.click()
    await flushPromises()
    expect(shownActions()).toEqual(['UNCHANGED', 'UNCHANGED'])
  })

  it('lists conflicts first with their problem and keeps Apply off while there is one', async () => {
    await planOf(result([
      entry('script', 'nccl', 'NEW_VERSION'),
      entry('job', 'weekly', 'CONFLICT', { problem: 'MISSING_REFERENCE', detail: 'uses pool gone' }),
    ]))

    expect(shownActions()).toEqual(['CONFLICT', 'NEW_VERSION'])
    expect(all('[data-test=catalog-plan-action]').find((t) => t.dataset.action === 'CONFLICT')!.className).toContain('el-tag--danger')
    expect(text('[data-test=catalog-plan-problem]')).toBe('Uses something that does not exist')
    expect(applyButton().disabled).toBe(true)
  })

  it('applies a plan with changes and shows the versions the import made', async () => {
    await planOf(result([entry('script', 'nccl', 'NEW_VERSION'), entry('role', 'base', 'UNCHANGED')]))
    expect(applyButton().disabled).toBe(false)
    server.apply.mockResolvedValueOnce(result([entry('script', 'nccl', 'NEW_VERSION', { appliedVersion: 3 }), entry('role', 'base', 'UNCHANGED')], false))

    applyButton().click()
    await flushPromises()

    expect(server.apply).toHaveBeenCalledOnce()
    expect(text('[data-test=catalog-import-applied]')).toContain('0 item(s) created and 1 new version(s) stored')
    expect(text('[data-test=catalog-plan-applied-version]')).toBe('stored as v3')
    expect(applyButton().disabled).toBe(true)
    expect(dialog!.emitted('applied')).toHaveLength(1)
  })

  it('shows the conflicts of a refused apply (409) and stores nothing', async () => {
    await planOf(result([entry('script', 'nccl', 'NEW_VERSION')]))
    const conflicted = [entry('script', 'nccl', 'CONFLICT', { problem: 'CHANGED_IN_PLATFORM', platformVersion: 3 })]
    server.apply.mockRejectedValueOnce(new ApiError(409, '409 Conflict', [], { plan: conflicted, dryRun: false, applied: false }))

    applyButton().click()
    await flushPromises()

    expect(text('[data-test=catalog-import-problem]')).toContain('1 item(s) now conflict')
    expect(shownActions()).toEqual(['CONFLICT'])
    expect(text('[data-test=catalog-plan-versions]')).toBe('platform v3 · tree from v2')
    expect(applyButton().disabled).toBe(true)
    expect(dialog!.emitted('applied')).toBeUndefined()
  })

  it('names the file and the server\'s reason when the archive is refused (400)', async () => {
    server.plan.mockRejectedValueOnce(new ApiError(400, 'catalog.yaml: not a gzip file'))
    await chooseFile('broken.tar.gz')

    expect(text('[data-test=catalog-import-problem]')).toBe('Cannot import broken.tar.gz: catalog.yaml: not a gzip file')
    expect(document.querySelector('[data-test=catalog-plan-table]')).toBeNull()
    expect(applyButton().disabled).toBe(true)
  })
})
