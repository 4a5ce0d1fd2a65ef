import { useI18n } from 'vue-i18n'
import { ElMessageBox } from 'element-plus'
import 'element-plus/theme-chalk/el-message-box.css'
import { staleVersion } from '../lib/staleEdit'

/**
 * When the server refuses a change because someone else changed the thing first, says so and
 * offers to reload it (the change is not applied; reloading shows the other change). Answers
 * whether the error was such a conflict.
 */
export function useStaleEdit(reload: () => void | Promise<void> = () => window.location.reload()) {
  const { t } = useI18n()
  return function offerReload(error: unknown): boolean {
    const current = staleVersion(error)
    if (current === undefined) return false
    ElMessageBox.confirm(t('catalog.staleDetail', { version: current }), t('catalog.staleTitle'), {
      type: 'warning', confirmButtonText: t('catalog.staleReload'), cancelButtonText: t('catalog.staleKeep'),
    }).then(() => reload(), () => undefined)
    return true
  }
}
