import { describe, expect, it } from 'vitest'
import { askedAnything, extraVarsText, selectorText } from './runOptionsText'

const names = { node: 'Nodes', pool: 'Pools' }
const plain = { limit: {}, exclude: {}, extraVars: {}, checkMode: false, batchSize: null, skipLocked: false }

describe('run start options as text', () => {
  it('says which nodes, pools and labels a limit chose', () => {
    expect(selectorText({ nodeIds: [3, 4], poolIds: [2], labels: { rack: 'r1' } }, names)).toBe('Nodes #3, #4; Pools #2; rack=r1')
    expect(selectorText({}, names)).toBe('')
  })

  it('shows nothing for a plain start, and the options of one that asked', () => {
    expect(askedAnything(undefined)).toBe(false)
    expect(askedAnything(plain)).toBe(false)
    expect(askedAnything({ ...plain, checkMode: true })).toBe(true)
    expect(askedAnything({ ...plain, exclude: { nodeIds: [1] } })).toBe(true)
  })

  it('lists the extra variables as the server shows them', () => {
    expect(extraVarsText({ driver: '550', count: 8, db_password: '******' })).toBe('driver=550, count=8, db_password=******')
  })
})
