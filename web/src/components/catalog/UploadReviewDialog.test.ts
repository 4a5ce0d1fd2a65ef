import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ElementPlus from 'element-plus'
import en from '../../i18n/en'
import type { ProposedVariable, RoleDiff } from '../../api'
import UploadReviewDialog from './UploadReviewDialog.vue'

const variable = (name: string, more: Partial<ProposedVariable> = {}): ProposedVariable =>
  ({ name, type: 'string', required: false, choices: [], source: `meta/argument_specs.yml: ${name}`, ...more })
const preview = (more: Partial<RoleDiff> = {}): RoleDiff => ({
  from: 1, to: 2, files: [],
  proposedVariables: [variable('web_root', { type: 'path', required: true }), variable('web_mode', { default: 'safe' })],
  variables: { added: ['web_root'], removed: ['web_port'], changed: [], brokenOperators: [] },
  ...more,
})

let dialog: VueWrapper | undefined
afterEach(() => {
  dialog?.unmount()
  document.body.innerHTML = ''
})

async function open(diff: RoleDiff) {
  dialog = mount(UploadReviewDialog, {
    attachTo: document.body,
    props: { open: false, preview: diff, busy: false },
    global: { plugins: [createI18n({ legacy: false, locale: 'en', messages: { en } }), ElementPlus], stubs: { 'router-link': { template: '<a><slot /></a>' } } },
  })
  await dialog.setProps({ open: true })
  await flushPromises()
}

const text = (test: string) => document.querySelector(`[data-test=${test}]`)?.textContent ?? ''

describe('UploadReviewDialog', () => {
  it('offers only the new variables to declare, all chosen, and confirms the chosen ones', async () => {
    await open(preview())

    expect(text('review-proposed')).toContain('web_root')
    expect(text('review-proposed')).toContain('safe')
    expect(text('review-changes')).toContain('web_port')
    expect(text('review-confirm')).toContain('Upload and declare 1')
    document.querySelector<HTMLButtonElement>('[data-test=review-confirm]')!.click()
    await flushPromises()

    const declared = dialog!.emitted('confirm')![0][0] as ProposedVariable[]
    expect(declared.map((v) => v.name)).toEqual(['web_root'])
  })

  it('names the operators the new version breaks and why', async () => {
    await open(preview({ variables: { added: [], removed: [], changed: [{ name: 'web_mode', changes: ['type: string → integer'] }],
      brokenOperators: [{ id: 7, name: 'web-prod', version: 3, reasons: ['web_mode: must be an integer'] }] } }))

    expect(text('review-broken')).toContain('web-prod')
    expect(text('review-broken')).toContain('web_mode: must be an integer')
    expect(text('review-confirm')).toContain('Upload')
    expect(text('review-confirm')).not.toContain('declare')
  })
})
