import { onMounted, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { ApiError } from '../api'

/** One thing loaded from the API when the page opens (and again when `source` changes). */
export function useLoaded<T>(fetch: () => Promise<T>, source?: () => unknown): {
  data: ShallowRef<T | undefined>; loading: Ref<boolean>; error: Ref<string>; reload: () => Promise<void>
} {
  const data = shallowRef<T>()
  const loading = ref(false)
  const error = ref('')
  async function reload() {
    loading.value = true
    error.value = ''
    try {
      data.value = await fetch()
    } catch (e) {
      error.value = e instanceof ApiError ? e.detail : String(e)
    } finally {
      loading.value = false
    }
  }
  onMounted(reload)
  if (source) watch(source, reload)
  return { data, loading, error, reload }
}
