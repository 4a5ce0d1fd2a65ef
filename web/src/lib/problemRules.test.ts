import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../i18n'
import { localizeProblem, ruleMessage } from './problemRules'

describe('refusals that name their rule', () => {
  afterEach(() => { i18n.global.locale.value = 'en' })

  it('say the rule in Chinese for a zh-CN user, with its bound', () => {
    i18n.global.locale.value = 'zh-CN'
    const problem = localizeProblem('name: use 1 to 64 characters, not 65', [
      { field: 'name', message: 'use 1 to 64 characters, not 65', rule: 'name.length', limit: 64 },
    ])
    expect(problem.detail).toBe('名称最多 64 个字符')
    expect(problem.errors[0]).toMatchObject({ field: 'name', message: '名称最多 64 个字符', rule: 'name.length' })
  })

  it('say it in English for an English user', () => {
    expect(ruleMessage({ field: 'name', message: 'A tenant named x already exists', rule: 'name.duplicate' }))
      .toBe('This name is taken: choose another')
    expect(ruleMessage({ field: 'name', message: '…', rule: 'operator.duplicate' })).toContain('package version')
  })

  it('keep the server text for a rule the console does not know, and for errors without a rule', () => {
    i18n.global.locale.value = 'zh-CN'
    const problem = localizeProblem('items: a job has between 1 and 50 items', [
      { field: 'items', message: 'a job has between 1 and 50 items' },
      { field: 'x', message: 'server text', rule: 'some.future.rule' },
    ])
    expect(problem.detail).toBe('items: a job has between 1 and 50 items')
    expect(problem.errors.map((e) => e.message)).toEqual(['a job has between 1 and 50 items', 'server text'])
  })

  it('name each distinct rule once in the detail', () => {
    i18n.global.locale.value = 'zh-CN'
    const problem = localizeProblem('duplicate', [
      { field: 'name', message: 'A', rule: 'name.control' },
      { field: 'displayName', message: 'B', rule: 'name.control' },
    ])
    expect(problem.detail).toBe(problem.errors[0].message)
  })
})
