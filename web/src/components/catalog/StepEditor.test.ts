import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import en from '../../i18n/en'
import type { Operator, Shell } from '../../api'
import { toDraft, type EditorStep } from '../../lib/stepEditor'
import StepEditor from './StepEditor.vue'

const operator = { id: 3, name: 'ins_driver_cuda 550', version: 2 } as Operator
const script = {
  id: 7, name: 'nccl_single_test', version: 1, dispatch: 'ansible', command: './t.sh <customer>', reports: [],
  parameters: [{ name: 'customer', type: 'string', pattern: '[a-z0-9_-]{1,32}', required: true }],
} as unknown as Shell

// The pickers talk to the API; here they are replaced by stand-ins whose "pick" the test fires.
const Picker = defineComponent({ props: ['testId'], emits: ['pick'], setup: (props) => () => h('div', { 'data-picker': props.testId }) })

function mountEditor() {
  const steps = ref<EditorStep[]>([])
  const Host = defineComponent({ setup: () => () => h(StepEditor, { modelValue: steps.value, 'onUpdate:modelValue': (v: EditorStep[]) => (steps.value = v) }) })
  const wrapper = mount(Host, {
    attachTo: document.body,
    global: { plugins: [createI18n({ legacy: false, locale: 'en', messages: { en } })], stubs: { StepPicker: Picker } },
  })
  const pick = async (testId: string, item: unknown) => {
    wrapper.findAllComponents(Picker).find((p) => p.props('testId') === testId)!.vm.$emit('pick', item)
    await nextTick()
  }
  const names = () => wrapper.findAll('[data-test=step-name]').map((n) => n.text())
  return { wrapper, steps, pick, names }
}

describe('StepEditor', () => {
  it('adds steps from the pickers and reorders them with the move buttons', async () => {
    const { wrapper, steps, pick, names } = mountEditor()
    expect(wrapper.find('[data-test=no-steps]').exists()).toBe(true)
    await pick('pick-operator', operator)
    await pick('pick-script', script)
    expect(names()).toEqual(['ins_driver_cuda 550', 'nccl_single_test'])

    await wrapper.findAll('[data-test=step]')[1].find('[data-move=up]').trigger('click')
    expect(names()).toEqual(['nccl_single_test', 'ins_driver_cuda 550'])
    expect(steps.value.map((s) => s.type)).toEqual(['script', 'operator'])
    wrapper.unmount()
  })

  it('reorders by drag and drop', async () => {
    const { wrapper, pick, names } = mountEditor()
    await pick('pick-operator', operator)
    await pick('pick-script', script)
    const rows = wrapper.findAll('[data-test=step]')
    const data = new Map<string, string>()
    const dataTransfer = { setData: (k: string, v: string) => data.set(k, v), getData: (k: string) => data.get(k) ?? '', effectAllowed: '' }
    await rows[1].find('[data-test=drag-handle]').trigger('dragstart', { dataTransfer })
    await rows[0].trigger('dragover', { dataTransfer })
    await rows[0].trigger('drop', { dataTransfer })
    expect(names()).toEqual(['nccl_single_test', 'ins_driver_cuda 550'])
    wrapper.unmount()
  })

  it('shows a parameter error next to its field until the value matches the pattern, then sends it', async () => {
    const { wrapper, steps, pick } = mountEditor()
    await pick('pick-script', script)
    const error = () => wrapper.find('.param-error').text()
    const input = () => wrapper.find('input[data-test=param-customer], [data-test=param-customer] input')
    expect(error()).toBe('Required')
    await input().setValue('Bad Name!')
    expect(error()).toBe('Must match the pattern [a-z0-9_-]{1,32}')
    expect(input().attributes('aria-invalid')).toBe('true')
    await input().setValue('qwkj')
    expect(error()).toBe('')
    expect(toDraft('t', '', steps.value).steps).toEqual([{ type: 'script', shellId: 7, dispatch: 'ansible', params: { customer: 'qwkj' } }])
    wrapper.unmount()
  })
})
