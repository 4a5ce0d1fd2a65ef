import { ref, shallowRef, type Ref } from 'vue'
import { ApiError, type Page, type PageRequest } from '../api'

export interface PagedList<T> {
  items: Ref<T[]>
  total: Ref<number>
  page: Ref<number>
  size: Ref<number>
  sort: Ref<string | undefined>
  loading: Ref<boolean>
  error: Ref<string>
  load: () => Promise<void>
  /** el-table's sort-change: server-side sorting by the column's prop. */
  onSortChange: (event: { prop: string | null; order: 'ascending' | 'descending' | null }) => void
  /** Back to the first page, then load (after a filter changed). */
  search: () => Promise<void>
}

/** A server-paged, server-sorted list; the caller's fetch gets the page request. */
export function usePagedList<T>(fetchPage: (page: PageRequest) => Promise<Page<T>>, size = 20): PagedList<T> {
  const items = shallowRef<T[]>([])
  const total = ref(0)
  const page = ref(1) // 1-based for el-pagination, 0-based on the wire
  const pageSize = ref(size)
  const sort = ref<string | undefined>()
  const loading = ref(false)
  const error = ref('')
  let latest = 0

  async function load() {
    const call = ++latest
    loading.value = true
    error.value = ''
    try {
      const result = await fetchPage({ page: page.value - 1, size: pageSize.value, sort: sort.value })
      if (call !== latest) return
      items.value = result.items
      total.value = result.total
    } catch (e) {
      if (call !== latest) return
      error.value = e instanceof ApiError ? e.detail : String(e)
    } finally {
      if (call === latest) loading.value = false
    }
  }

  function onSortChange({ prop, order }: { prop: string | null; order: 'ascending' | 'descending' | null }) {
    sort.value = prop && order ? `${prop},${order === 'ascending' ? 'asc' : 'desc'}` : undefined
    void load()
  }

  async function search() {
    page.value = 1
    await load()
  }

  return { items, total, page, size: pageSize, sort, loading, error, load, onSortChange, search }
}
