import type { Directive } from 'vue'

/**
 * Names el-pagination's page-size select, which Element Plus renders without a label (axe-core: "Form elements must
 * have labels"). Use on an el-pagination with "sizes" in its layout: v-page-size-label="t('common.pageSize')".
 */
export const vPageSizeLabel: Directive<HTMLElement, string> = {
  mounted: label,
  updated: label,
}

function label(pagination: HTMLElement, binding: { value: string }): void {
  pagination.querySelector('.el-pagination__sizes input')?.setAttribute('aria-label', binding.value)
}
