import { describe, expect, it } from 'vitest'
import en from './en'
import zhCN from './zh-CN'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`))
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : values(value)))
}

describe('message files', () => {
  it('have exactly the same keys in zh-CN and en', () => {
    expect(keys(zhCN as Tree).sort()).toEqual(keys(en as Tree).sort())
  })

  it('have no empty message', () => {
    expect(values(en as Tree).filter((v) => !v.trim())).toEqual([])
    expect(values(zhCN as Tree).filter((v) => !v.trim())).toEqual([])
  })

  it('never show the internal unit: no "task" in English, no 任务 in Chinese', () => {
    expect(values(en as Tree).filter((v) => /task/i.test(v))).toEqual([])
    expect(values(zhCN as Tree).filter((v) => v.includes('任务'))).toEqual([])
  })

  it('use the same placeholders in both languages', () => {
    const placeholders = (v: string) => (v.match(/\{\w+\}/g) ?? []).sort().join()
    const zhValues = Object.fromEntries(keys(zhCN as Tree).map((k, i) => [k, values(zhCN as Tree)[i]]))
    const enKeys = keys(en as Tree)
    values(en as Tree).forEach((v, i) => expect(placeholders(zhValues[enKeys[i]]), enKeys[i]).toBe(placeholders(v)))
  })
})
