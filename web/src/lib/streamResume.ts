// How the run page keeps following a run's log when its event stream drops or is refused.
// The stream's log events carry the chunk number as their id, and the server starts a new stream
// after any chunk (`?after=`), so a reconnect resumes exactly: nothing is lost, and a chunk that
// arrives twice (a replay) is recognised by its number and dropped.

/** What the log's live tag says. */
export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'ended'

/** Waits between tries: 1 s, 2 s, 4 s, 8 s, then 15 s each; back to 1 s once a stream works. */
export class Backoff {
  private attempt = 0

  constructor(private readonly firstMs = 1000, private readonly capMs = 15000) {}

  next(): number {
    const delay = Math.min(this.capMs, this.firstMs * 2 ** Math.min(this.attempt, 30))
    this.attempt++
    return delay
  }

  reset() {
    this.attempt = 0
  }

  get attempts(): number {
    return this.attempt
  }
}

/** The last log chunk shown: where a new stream starts, and the test for a chunk already shown. */
export class ChunkCursor {
  private last = 0

  get lastSeq(): number {
    return this.last
  }

  /** True when chunk `seq` is new (and it becomes the last shown); false for one already shown. */
  accept(seq: number): boolean {
    if (!Number.isFinite(seq) || seq <= 0) return true // no number: nothing to compare, shown as is
    if (seq <= this.last) return false
    this.last = seq
    return true
  }

  /** The page already shows the log up to chunk `seq` (read outside the stream). */
  startAfter(seq: number) {
    this.last = Math.max(this.last, seq)
  }

  reset() {
    this.last = 0
  }
}

/**
 * After a stream ended or failed: stop only when the run has ended and the page has its log's last
 * chunk (`logEnd`, read from the REST API; unknown when that read failed too); otherwise connect again.
 */
export function afterStreamEnd(runEnded: boolean, shownSeq: number, logEnd: number | undefined): 'done' | 'resume' {
  return runEnded && logEnd !== undefined && shownSeq >= logEnd ? 'done' : 'resume'
}
