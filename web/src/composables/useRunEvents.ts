import { onBeforeUnmount, ref } from 'vue'
import type { RunSummary } from '../api'

export const FINISHED = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED']

export interface RunEventHandlers {
  onLog: (chunk: string, seq: number) => void
  onStatus: (run: RunSummary) => void
}

/**
 * The run's server-sent events. EventSource resumes with Last-Event-ID by itself after a network
 * drop; once the run has finished the stream is closed so that it does not reconnect for ever.
 * `urlAfter(seq)` is the stream's address starting after log chunk `seq` (0: from the start).
 */
export function useRunEvents(urlAfter: (seq: number) => string, handlers: RunEventHandlers) {
  const connected = ref(false)
  const finished = ref(false)
  let source: EventSource | null = null
  let lastSeq = 0

  function close() {
    source?.close()
    source = null
    connected.value = false
  }

  function open() {
    close()
    source = new EventSource(urlAfter(lastSeq), { withCredentials: true })
    source.onopen = () => (connected.value = true)
    source.onerror = () => {
      connected.value = false
      if (finished.value) close()
    }
    source.addEventListener('log', (event) => {
      const message = event as MessageEvent<string>
      const seq = Number(message.lastEventId)
      if (Number.isFinite(seq) && seq > 0) {
        if (seq <= lastSeq) return // already shown (a replay after reconnecting)
        lastSeq = seq
      }
      handlers.onLog(message.data, seq)
    })
    source.addEventListener('status', (event) => {
      const run = JSON.parse((event as MessageEvent<string>).data) as RunSummary
      handlers.onStatus(run)
      if (FINISHED.includes(run.status)) finished.value = true
    })
  }

  /** The page already shows the log up to chunk `seq` (its tail): the stream starts after it. */
  function startAfter(seq: number) {
    lastSeq = Math.max(lastSeq, seq)
  }

  onBeforeUnmount(close)
  return { connected, finished, open, close, startAfter }
}
