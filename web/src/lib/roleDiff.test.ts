import { describe, expect, it } from 'vitest'
import { diffLineClass } from './roleDiff'

describe('diffLineClass', () => {
  it('tells file headers, hunks, added and removed lines apart', () => {
    expect(diffLineClass('--- a/tasks/main.yml')).toBe('head')
    expect(diffLineClass('+++ b/tasks/main.yml')).toBe('head')
    expect(diffLineClass('@@ -1,3 +1,3 @@')).toBe('hunk')
    expect(diffLineClass('+    msg: two')).toBe('add')
    expect(diffLineClass('-    msg: one')).toBe('del')
    expect(diffLineClass('   debug:')).toBe('')
  })
})
