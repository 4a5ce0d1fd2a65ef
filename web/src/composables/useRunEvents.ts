import { computed, getCurrentScope, onScopeDispose, ref } from 'vue'
import type { RunSummary } from '../api'
import { afterStreamEnd, Backoff, ChunkCursor, type StreamState } from '../lib/streamResume'

export const FINISHED = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED']

export interface RunEventHandlers {
  onLog: (chunk: string, seq: number) => void
  onStatus: (run: RunSummary) => void
  /** The number of the log's last chunk, read from the REST API: whether an ended run's log is all shown. */
  logEnd: () => Promise<number>
}

/**
 * The run's server-sent events, followed until the run has ended and its whole log is shown.
 * The browser's own retry gives up for good when a stream is refused (an error status, a proxy's
 * 502), so every failure closes the stream and a new one is opened after a backoff, starting after
 * the last chunk shown (`urlAfter(seq)`: the stream's address after chunk `seq`, 0: from the start).
 */
export function useRunEvents(urlAfter: (seq: number) => string, handlers: RunEventHandlers) {
  const state = ref<StreamState>('connecting')
  const connected = computed(() => state.value === 'live')
  /** The run has ended (its last status event said so). */
  const finished = ref(false)
  const cursor = new ChunkCursor()
  const backoff = new Backoff()
  let source: EventSource | null = null
  let retry: ReturnType<typeof setTimeout> | undefined
  /** Bumped by every open and close: a late answer for an earlier stream changes nothing. */
  let generation = 0

  function closeSource() {
    source?.close()
    source = null
  }

  /** Stops following (the page goes away or shows another run). */
  function close() {
    generation++
    closeSource()
    clearTimeout(retry)
  }

  function open() {
    close()
    if (state.value === 'ended') state.value = 'connecting' // followed again (a resumed run)
    const current = ++generation
    const stream = new EventSource(urlAfter(cursor.lastSeq), { withCredentials: true })
    source = stream
    stream.onopen = () => {
      if (current === generation) state.value = 'live'
    }
    stream.onerror = () => {
      if (current === generation) void streamEnded(current)
    }
    stream.addEventListener('log', (event) => {
      const message = event as MessageEvent<string>
      backoff.reset()
      const seq = Number(message.lastEventId)
      if (cursor.accept(seq)) handlers.onLog(message.data, seq)
    })
    stream.addEventListener('status', (event) => {
      const run = JSON.parse((event as MessageEvent<string>).data) as RunSummary
      backoff.reset()
      finished.value = FINISHED.includes(run.status)
      handlers.onStatus(run)
    })
  }

  /** The stream ended (the run's end, a drop or a refusal): done when everything is shown, else try again. */
  async function streamEnded(current: number) {
    closeSource()
    let logEnd: number | undefined
    if (finished.value) {
      try {
        logEnd = await handlers.logEnd()
      } catch {
        logEnd = undefined // the server is not reachable either: try the stream again later
      }
    }
    if (current !== generation) return
    if (afterStreamEnd(finished.value, cursor.lastSeq, logEnd) === 'done') {
      state.value = 'ended'
      return
    }
    state.value = 'reconnecting'
    retry = setTimeout(open, backoff.next())
  }

  /** Back online: no need to wait for the rest of the backoff. */
  function onOnline() {
    if (state.value === 'reconnecting') open()
  }

  /** The page already shows the log up to chunk `seq` (its tail): the stream starts after it. */
  function startAfter(seq: number) {
    cursor.startAfter(seq)
  }

  /** Forgets the run: the next open follows another run from its start. */
  function reset() {
    close()
    cursor.reset()
    backoff.reset()
    finished.value = false
    state.value = 'connecting'
  }

  if (typeof window !== 'undefined') window.addEventListener('online', onOnline)
  if (getCurrentScope()) {
    onScopeDispose(() => {
      close()
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline)
    })
  }
  return { state, connected, finished, open, close, startAfter, reset }
}
