import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import type { RunSummary } from '../api'
import { useRunEvents } from './useRunEvents'

/** A stand-in for the browser's EventSource: the test opens, feeds and breaks each stream. */
class FakeEventSource {
  static all: FakeEventSource[] = []
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null
  closed = false
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>()

  constructor(readonly url: string) {
    FakeEventSource.all.push(this)
  }

  addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
  }

  close() {
    this.closed = true
  }

  emit(name: string, data: string, lastEventId = '') {
    this.listeners.get(name)?.forEach((listener) => listener({ data, lastEventId } as MessageEvent<string>))
  }

  log(seq: number) {
    this.emit('log', `line ${seq}\n`, String(seq))
  }

  status(status: string) {
    this.emit('status', JSON.stringify({ id: 7, status } as RunSummary))
  }

  static latest() {
    return FakeEventSource.all[FakeEventSource.all.length - 1]
  }
}

function follow(logEnd: () => Promise<number> = async () => 0) {
  const lines: string[] = []
  const scope = effectScope()
  const events = scope.run(() =>
    useRunEvents((after) => `/events?after=${after}`, { onLog: (chunk) => lines.push(chunk), onStatus: () => {}, logEnd }),
  )!
  return { events, lines, scope }
}

describe('useRunEvents', () => {
  beforeEach(() => {
    FakeEventSource.all = []
    vi.stubGlobal('EventSource', FakeEventSource)
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('reconnects after a refused stream with a growing wait, then is live again', async () => {
    const { events } = follow()
    events.open()
    FakeEventSource.latest().onerror!()
    await vi.advanceTimersByTimeAsync(0)
    expect(events.state.value).toBe('reconnecting')
    expect(FakeEventSource.all[0].closed).toBe(true)
    await vi.advanceTimersByTimeAsync(999)
    expect(FakeEventSource.all).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeEventSource.all).toHaveLength(2)
    FakeEventSource.latest().onerror!()
    await vi.advanceTimersByTimeAsync(1999)
    expect(FakeEventSource.all).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(FakeEventSource.all).toHaveLength(3)
    FakeEventSource.latest().onopen!()
    expect(events.state.value).toBe('live')
    expect(events.connected.value).toBe(true)
  })

  it('resumes after the last chunk shown and shows a replayed chunk once', async () => {
    const { events, lines } = follow()
    events.startAfter(2)
    events.open()
    expect(FakeEventSource.latest().url).toBe('/events?after=2')
    FakeEventSource.latest().log(3)
    FakeEventSource.latest().log(4)
    FakeEventSource.latest().onerror!()
    await vi.advanceTimersByTimeAsync(1000)
    expect(FakeEventSource.latest().url).toBe('/events?after=4')
    FakeEventSource.latest().log(4)
    FakeEventSource.latest().log(5)
    expect(lines).toEqual(['line 3\n', 'line 4\n', 'line 5\n'])
  })

  it('stops once the run has ended and the log is all shown', async () => {
    const { events } = follow(async () => 2)
    events.open()
    FakeEventSource.latest().status('SUCCEEDED')
    FakeEventSource.latest().log(1)
    FakeEventSource.latest().log(2)
    FakeEventSource.latest().onerror!() // the server closes the stream after the last chunk
    await vi.advanceTimersByTimeAsync(60000)
    expect(events.state.value).toBe('ended')
    expect(FakeEventSource.all).toHaveLength(1)
  })

  it('reads the rest when an ended run\'s stream dropped before its last chunk', async () => {
    const { events, lines } = follow(async () => 3)
    events.open()
    FakeEventSource.latest().status('FAILED')
    FakeEventSource.latest().log(1)
    FakeEventSource.latest().onerror!()
    await vi.advanceTimersByTimeAsync(1000)
    expect(FakeEventSource.latest().url).toBe('/events?after=1')
    FakeEventSource.latest().status('FAILED')
    FakeEventSource.latest().log(2)
    FakeEventSource.latest().log(3)
    FakeEventSource.latest().onerror!()
    await vi.advanceTimersByTimeAsync(60000)
    expect(events.state.value).toBe('ended')
    expect(lines).toEqual(['line 1\n', 'line 2\n', 'line 3\n'])
    expect(FakeEventSource.all).toHaveLength(2)
  })

  it('keeps trying when the end of an ended run\'s log cannot be read', async () => {
    const { events } = follow(async () => {
      throw new Error('offline')
    })
    events.open()
    FakeEventSource.latest().status('FAILED')
    FakeEventSource.latest().onerror!()
    await vi.advanceTimersByTimeAsync(1000)
    expect(events.state.value).toBe('reconnecting')
    expect(FakeEventSource.all).toHaveLength(2)
  })

  it('starts over from the first chunk after a reset, and stops retrying once closed', async () => {
    const { events, scope } = follow()
    events.open()
    FakeEventSource.latest().log(9)
    events.reset()
    events.open()
    expect(FakeEventSource.latest().url).toBe('/events?after=0')
    FakeEventSource.latest().onerror!()
    scope.stop()
    await vi.advanceTimersByTimeAsync(60000)
    expect(FakeEventSource.all).toHaveLength(2)
  })
})
