import { describe, expect, it } from 'vitest'
import { changeOf, parseVars, secretRows } from './vars'

describe('inventory variables editor', () => {
  it('takes a JSON object with nested values as the plain variables', () => {
    expect(parseVars('{"rack":"r1","nccl":{"hca":["mlx5_0"]}}')).toEqual({ vars: { rack: 'r1', nccl: { hca: ['mlx5_0'] } } })
    expect(parseVars('')).toEqual({ vars: {} })
  })

  it('refuses text that is not a JSON object or names the platform or Ansible own', () => {
    expect(parseVars('[1]')).toEqual({ problem: { code: 'object' } })
    expect(parseVars('{"a":')).toMatchObject({ problem: { code: 'json' } })
    expect(parseVars('{"devops_facts":1}')).toEqual({ problem: { code: 'name', name: 'devops_facts' } })
    expect(parseVars('{"gpu driver":1}')).toEqual({ problem: { code: 'name', name: 'gpu driver' } })
  })

  it('sends only secrets typed or removed, so that untouched ones keep their value', () => {
    const rows = secretRows({ vars: {}, secretVarsSet: ['kept', 'replaced', 'dropped'] })
    rows[1].text = 'new text'
    rows[2].removed = true
    rows.push({ name: 'added', text: 'fresh', set: false, removed: false })

    expect(changeOf({ rack: 'r1' }, rows)).toEqual({ vars: { rack: 'r1' }, secretVars: { replaced: 'new text', dropped: null, added: 'fresh' } })
  })
})
