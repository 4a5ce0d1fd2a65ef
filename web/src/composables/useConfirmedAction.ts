import { ref } from 'vue'
import { ElMessageBox } from 'element-plus'
import 'element-plus/theme-chalk/el-message-box.css'
import 'element-plus/theme-chalk/el-overlay.css'
import { describeError } from '../lib/inventory/bulk'

/**
 * Asks before a destructive change, then runs it; a refusal (a 409 "still in use") is kept with
 * the name of what it was about, for the page to show next to the table.
 */
export function useConfirmedAction() {
  const failure = ref<{ target: string; detail: string } | null>(null)

  async function confirmThen(question: string, title: string, target: string, action: () => Promise<unknown>, labels: { confirm: string; cancel: string }): Promise<boolean> {
    try {
      await ElMessageBox.confirm(question, title, { type: 'warning', confirmButtonText: labels.confirm, cancelButtonText: labels.cancel })
    } catch {
      return false
    }
    return attempt(target, action)
  }

  async function attempt(target: string, action: () => Promise<unknown>): Promise<boolean> {
    failure.value = null
    try {
      await action()
      return true
    } catch (e) {
      failure.value = { target, detail: describeError(e) }
      return false
    }
  }

  return { failure, confirmThen, attempt }
}
