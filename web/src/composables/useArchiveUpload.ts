import { ref } from 'vue'
import { problemOf } from '../lib/fieldErrors'

/**
 * A hidden file input that sends the chosen .tar.gz: role files and collections alike. The server
 * checks the archive; this only refuses another file type early and shows the problem's detail.
 */
export function useArchiveUpload(send: (file: File) => Promise<void>, wrongType: () => string,
  onError: (e: unknown) => void = () => undefined) {
  const input = ref<HTMLInputElement>()
  const uploading = ref(false)
  const error = ref('')

  async function picked(event: Event) {
    const file = (event.target as HTMLInputElement).files?.[0]
    if (!file) return
    error.value = ''
    if (!/\.(tar\.gz|tgz)$/i.test(file.name)) {
      error.value = wrongType()
      return
    }
    uploading.value = true
    try {
      await send(file)
    } catch (e) {
      error.value = problemOf(e).detail
      onError(e)
    } finally {
      uploading.value = false
      if (input.value) input.value.value = ''
    }
  }

  return { input, uploading, error, picked }
}
