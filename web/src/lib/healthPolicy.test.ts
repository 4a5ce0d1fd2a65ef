import { describe, expect, it } from 'vitest'
import { chainText, draftOf, emptyDraft, newRule, orderedChain, problems, toRequest } from './healthPolicy'

describe('health policy editor', () => {
  it('orders a picked chain: DRAIN first, the repairs as picked, RMA last', () => {
    expect(orderedChain(['RMA', 'REBOOT', 'GPU_RESET'])).toEqual(['DRAIN', 'REBOOT', 'GPU_RESET', 'RMA'])
    expect(orderedChain(['REBOOT', 'REBOOT', 'NOPE'])).toEqual(['DRAIN', 'REBOOT'])
    expect(orderedChain([])).toEqual([])
  })

  it('names each bad place as the server does', () => {
    const draft = emptyDraft()
    draft.name = 'gpu'
    draft.rules = [newRule(), newRule(), newRule()]
    draft.rules[0]!.match.code = '79'
    draft.rules[1]!.match.code = '79'
    draft.rules[2]!.match.code = 'a b'
    draft.rules[2]!.actions = ['REBOOT', 'RMA', 'DRAIN']
    draft.rules[2]!.escalateAfterRepairs = -1
    draft.limits.maxPercentPerPool = 101
    expect(problems(draft).map((p) => p.field)).toEqual(['rules[1].match', 'rules[2].match.code', 'rules[2].actions[0]',
      'rules[2].actions[1]', 'rules[2].escalateAfterRepairs', 'limits.maxPercentPerPool'])
    expect(problems(draft)[0]!.words).toEqual({ index: 0 })
  })

  it('accepts the defaults and a record-only rule', () => {
    const draft = emptyDraft()
    draft.name = 'quiet'
    draft.rules = [{ match: { component: 'xid', code: '*' }, severity: 'WARNING', actions: [], escalateAfterRepairs: 0 }]
    expect(problems(draft)).toEqual([])
    expect(problems(emptyDraft()).map((p) => p.field)).toEqual(['name'])
  })

  it('edits a copy and sends trimmed codes and name', () => {
    const stored = { ...emptyDraft(), name: ' fleet ', rules: [{ ...newRule(), match: { component: 'gpu', code: ' GPU_MISSING ' } }] }
    const draft = draftOf(stored)
    draft.rules[0]!.actions.push('POWER_CYCLE')
    expect(stored.rules[0]!.actions).toHaveLength(3)
    const body = toRequest(draft)
    expect(body.name).toBe('fleet')
    expect(body.rules[0]!.match.code).toBe('GPU_MISSING')
  })

  it('reads a chain as arrows, an empty one as record only', () => {
    expect(chainText(['DRAIN', 'REBOOT', 'RMA'], 'record')).toBe('DRAIN → REBOOT → RMA')
    expect(chainText([], 'record')).toBe('record')
  })
})
