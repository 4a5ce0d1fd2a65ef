import { onBeforeUnmount, ref, type Ref } from 'vue'

/** Below this width the sidebar folds away behind a menu button (the page needs the room). */
export const NARROW_QUERY = '(max-width: 1023.98px)'

/** Whether the window is narrower than 1024 px, following resizes. */
export function useNarrowScreen(): Ref<boolean> {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null
  const narrow = ref(query?.matches ?? false)
  const follow = (event: MediaQueryListEvent) => { narrow.value = event.matches }
  query?.addEventListener('change', follow)
  onBeforeUnmount(() => query?.removeEventListener('change', follow))
  return narrow
}
