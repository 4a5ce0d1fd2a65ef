import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import 'element-plus/theme-chalk/el-message.css'
import { noProblem, problemOf } from '../lib/fieldErrors'
import { useStaleEdit } from './useStaleEdit'

interface Versioned {
  id: number
  name: string
  version: number
}

/**
 * Saving a catalog or job form: it creates the thing or a new version of it, says so, and opens
 * its page; what the server refuses lands in `problem`, next to the fields it names. A change
 * based on a version someone has since replaced is refused (409): the form offers to reload.
 */
export function useVersionedSave(pageRoute: string) {
  const { t } = useI18n()
  const router = useRouter()
  const saving = ref(false)
  const problem = ref(noProblem())
  const offerReload = useStaleEdit()

  async function submit(send: () => Promise<Versioned>) {
    saving.value = true
    try {
      const saved = await send()
      ElMessage.success(t('catalog.saved', { name: saved.name, version: saved.version }))
      await router.push({ name: pageRoute, params: { id: saved.id } })
    } catch (e) {
      problem.value = problemOf(e)
      offerReload(e)
    } finally {
      saving.value = false
    }
  }

  return { saving, problem, submit }
}
