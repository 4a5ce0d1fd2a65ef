import { describe, expect, it } from 'vitest'
import { badPattern, formOf, placeholders, toShellDraft, undeclared } from './scriptForm'

describe('script form', () => {
  it('finds the <placeholders> of the command and report paths that no parameter declares', () => {
    expect(placeholders('./t.sh <customer> <n> <customer> a<b')).toEqual(['customer', 'n'])
    const form = formOf()
    form.command = './t.sh <customer>'
    form.reports = ['/tmp/r-<customer>-<run>.md']
    form.parameters = [{ name: 'customer', type: 'string', pattern: '', required: true, defaultValue: '', description: '' }]
    expect(undeclared(form)).toEqual(['run'])
  })

  it('flags a pattern the browser cannot read', () => {
    expect(badPattern('[a-z')).toBe(true)
    expect(badPattern('[a-z]+')).toBe(false)
    expect(badPattern('')).toBe(false)
  })

  it('sends trimmed values, no empty report paths and no empty optional fields', () => {
    const form = formOf()
    Object.assign(form, { name: ' hello ', command: 'echo <who>', dispatch: 'agent', reports: ['/tmp/x.md', ' '] })
    form.parameters = [{ name: 'who', type: 'string', pattern: '', required: false, defaultValue: 'world', description: '' }]
    expect(toShellDraft(form)).toEqual({
      name: 'hello', description: undefined, command: 'echo <who>', dispatch: 'agent', runAs: undefined, reports: ['/tmp/x.md'],
      parameters: [{ name: 'who', type: 'string', pattern: undefined, required: false, defaultValue: 'world', description: undefined }],
    })
  })

  it('keeps the user a script runs as, trimmed, and sends none when left empty', () => {
    const form = formOf({ name: 'n', command: 'id', dispatch: 'agent', runAs: 'nobody', parameters: [], reports: [] })
    expect(form.runAs).toBe('nobody')
    form.runAs = ' gpu_user '
    expect(toShellDraft(form).runAs).toBe('gpu_user')
    expect(toShellDraft(formOf()).runAs).toBeUndefined()
  })
})
