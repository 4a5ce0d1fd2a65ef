import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import enLocale from 'element-plus/es/locale/lang/en'
import { i18n, initialLocale, saveLocale, type AppLocale } from '../i18n'

/** The console's language: vue-i18n's messages and Element Plus's own texts switch together. */
export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<AppLocale>(initialLocale())
  const elementLocale = computed(() => (locale.value === 'zh-CN' ? zhCn : enLocale))

  function set(next: AppLocale): void {
    locale.value = next
    i18n.global.locale.value = next
    saveLocale(next)
  }

  set(locale.value)
  return { locale, elementLocale, set }
})
