import { describe, expect, it } from 'vitest'
import { actionTagType, canApply, countsOf, includeOf, planOfProblem, visibleEntries, type PlanAction, type PlanEntry } from './catalogPlan'

const entry = (kind: string, name: string, action: PlanAction): PlanEntry => ({ kind, name, action, path: `${kind}s/${name}.yaml` })

const mixed = [
  entry('template', 'burn-in', 'UNCHANGED'),
  entry('script', 'nccl', 'NEW_VERSION'),
  entry('job', 'weekly', 'CONFLICT'),
  entry('role', 'ins_driver', 'CREATE'),
  entry('script', 'dcgm', 'NEW_VERSION'),
  entry('role', 'base', 'UNCHANGED'),
]

describe('catalog import plan', () => {
  it('counts every action, including those with no entry', () => {
    expect(countsOf(mixed)).toEqual({ CONFLICT: 1, CREATE: 1, NEW_VERSION: 2, UNCHANGED: 2 })
    expect(countsOf([])).toEqual({ CONFLICT: 0, CREATE: 0, NEW_VERSION: 0, UNCHANGED: 0 })
  })

  it('shows conflicts first, then creations, new versions and unchanged entries, in import order by kind, then by name', () => {
    expect(visibleEntries(mixed, false).map((e) => `${e.action} ${e.kind} ${e.name}`)).toEqual([
      'CONFLICT job weekly', 'CREATE role ins_driver', 'NEW_VERSION script dcgm', 'NEW_VERSION script nccl',
      'UNCHANGED role base', 'UNCHANGED template burn-in',
    ])
  })

  it('leaves out only the unchanged entries when showing only changes, and keeps the plan as it was', () => {
    expect(visibleEntries(mixed, true).map((e) => e.name)).toEqual(['weekly', 'ins_driver', 'dcgm', 'nccl'])
    expect(mixed[0].name).toBe('burn-in')
  })

  it('allows applying a plan with a change and no conflict', () => {
    expect(canApply([entry('role', 'a', 'CREATE'), entry('role', 'b', 'UNCHANGED')])).toBe(true)
    expect(canApply([entry('script', 'a', 'NEW_VERSION')])).toBe(true)
  })

  it('refuses to apply a plan with a conflict, one that changes nothing, and an empty one', () => {
    expect(canApply(mixed)).toBe(false)
    expect(canApply([entry('role', 'a', 'UNCHANGED'), entry('job', 'b', 'UNCHANGED')])).toBe(false)
    expect(canApply([])).toBe(false)
  })

  it('colours the actions: creations green, new versions blue, unchanged grey, conflicts red', () => {
    expect(['CREATE', 'NEW_VERSION', 'UNCHANGED', 'CONFLICT'].map((a) => actionTagType(a as PlanAction)))
      .toEqual(['success', 'primary', 'info', 'danger'])
  })

  it('exports all kinds without an include and names the chosen ones in the server order otherwise', () => {
    expect(includeOf(['jobs', 'roles', 'health-policies', 'operators', 'scripts', 'templates'])).toBeUndefined()
    expect(includeOf(['jobs', 'roles', 'operators', 'scripts', 'templates'])).toBe('roles,operators,scripts,templates,jobs')
    expect(includeOf(['health-policies', 'roles'])).toBe('roles,health-policies')
    expect(includeOf(['templates', 'roles'])).toBe('roles,templates')
    expect(includeOf([])).toBe('')
  })

  it('reads the plan a refused import carries, and nothing from a problem without one', () => {
    const refused = planOfProblem({ plan: mixed, dryRun: false, applied: false })
    expect(refused?.counts.CONFLICT).toBe(1)
    expect(refused?.plan).toHaveLength(6)
    expect(planOfProblem({ status: 409, detail: 'name clash' })).toBeUndefined()
  })
})
