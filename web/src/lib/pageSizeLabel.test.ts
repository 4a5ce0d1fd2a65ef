import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, ref } from 'vue'
import ElementPlus from 'element-plus'
import { vPageSizeLabel } from './pageSizeLabel'

const Pager = (labelled: boolean) => defineComponent({
  directives: { pageSizeLabel: vPageSizeLabel },
  setup: () => ({ label: ref('Rows per page'), labelled }),
  template: `
    <el-pagination v-if="labelled" v-page-size-label="label" :total="500" :page-sizes="[20, 50]" layout="sizes, pager" />
    <el-pagination v-else :total="500" :page-sizes="[20, 50]" layout="sizes, pager" />`,
})

describe('page-size label', () => {
  it('names the page-size select, which Element Plus leaves unnamed, and follows a change of language', async () => {
    const bare = mount(Pager(false), { global: { plugins: [ElementPlus] } })
    expect(bare.find('.el-pagination__sizes input').attributes('aria-label')).toBeUndefined()
    const pager = mount(Pager(true), { global: { plugins: [ElementPlus] } })
    expect(pager.find('.el-pagination__sizes input').attributes('aria-label')).toBe('Rows per page')
    ;(pager.vm as unknown as { label: string }).label = '每页条数'
    await flushPromises()
    expect(pager.find('.el-pagination__sizes input').attributes('aria-label')).toBe('每页条数')
  })
})
