import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api'
import { usePagedList } from './usePagedList'

describe('usePagedList', () => {
  it('asks for 0-based pages and the sort chosen in the table', async () => {
    const fetch = vi.fn().mockResolvedValue({ items: [{ id: 1 }], total: 41, page: 0, size: 20 })
    const list = usePagedList(fetch)
    list.onSortChange({ prop: 'ip', order: 'descending' })
    await Promise.resolve()
    list.page.value = 3
    await list.load()
    expect(fetch).toHaveBeenLastCalledWith({ page: 2, size: 20, sort: 'ip,desc' })
    expect(list.total.value).toBe(41)
  })

  it('shows the problem detail when the server refuses', async () => {
    const list = usePagedList(() => Promise.reject(new ApiError(400, "cannot sort by 'x'")))
    await list.load()
    expect(list.error.value).toBe("cannot sort by 'x'")
    expect(list.loading.value).toBe(false)
  })
})
