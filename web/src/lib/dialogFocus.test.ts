import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, nextTick, ref } from 'vue'
import ElementPlus from 'element-plus'
import { firstField, focusFirstFieldOfDialogs } from './dialogFocus'

// A page with a button that opens a dialog holding a form, as the console's dialogs do.
const Page = defineComponent({
  setup: () => ({ open: ref(false), name: ref(''), note: ref('') }),
  template: `
    <button data-test="opener" @click="open = true">open</button>
    <el-dialog v-model="open" title="Add">
      <p>Some text first.</p>
      <el-input v-model="name" data-test="name" />
      <el-input v-model="note" type="textarea" />
    </el-dialog>`,
})

async function opened(): Promise<ReturnType<typeof mount>> {
  const page = mount(Page, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  const opener = document.querySelector<HTMLElement>('[data-test=opener]')!
  opener.focus()
  opener.click()
  await flushPromises()
  await nextTick()
  await flushPromises()
  return page
}

let uninstall = () => {}
afterEach(() => {
  uninstall()
  document.body.innerHTML = ''
})

describe('dialog focus', () => {
  it('focuses the first field of a dialog that opens, not its container', async () => {
    uninstall = focusFirstFieldOfDialogs(document)
    const page = await opened()
    expect(document.activeElement).toBe(document.querySelector('input[data-test=name]'))
    page.unmount()
  })

  it('leaves Element Plus focusing the container without the rule (what the rule fixes)', async () => {
    const page = await opened()
    expect(document.activeElement?.classList.contains('el-dialog')).toBe(true)
    page.unmount()
  })

  it('closes on Escape from the focused field', async () => {
    uninstall = focusFirstFieldOfDialogs(document)
    const page = await opened()
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }))
    await flushPromises()
    // v-show hides the overlay at once; the model follows after the leave transition, which the test stubs
    expect(document.querySelector<HTMLElement>('.el-overlay')!.style.display).toBe('none')
    page.unmount()
  })

  it('skips disabled and hidden fields and falls back to the first control', () => {
    document.body.innerHTML = `
      <div class="el-dialog"><div class="el-dialog__body">
        <input disabled /><input type="hidden" /><div style="display: none"><input id="hidden" /></div>
        <button id="ok">OK</button>
      </div></div>`
    expect(firstField(document.querySelector('.el-dialog')!)?.id).toBe('ok')
    document.body.innerHTML = '<div class="el-dialog"><div class="el-dialog__body"><p>Only text</p></div></div>'
    expect(firstField(document.querySelector('.el-dialog')!)).toBeNull()
  })
})
