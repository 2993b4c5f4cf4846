/**
 * A fixed-window rate limit like Intercom's: `limit` requests per window of
 * `windowMillis` (Intercom spreads its per-minute limit over 10-second
 * windows), windows aligned on multiples of their length since the epoch.
 * Every response reports the window in `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds at which the
 * window resets).
 */

export interface Snapshot {
  readonly limit: number
  readonly remaining: number
  /** Unix seconds. */
  readonly reset: number
}

export class Window {
  private start = Number.NEGATIVE_INFINITY
  private count = 0

  constructor(public limit: number, public windowMillis: number) {}

  private roll(nowMillis: number): void {
    const start = Math.floor(nowMillis / this.windowMillis) * this.windowMillis
    if (start !== this.start) {
      this.start = start
      this.count = 0
    }
  }

  private snapshot(): Snapshot {
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - this.count),
      reset: Math.ceil((this.start + this.windowMillis) / 1000)
    }
  }

  /** The state of the current window, without counting a request. */
  peek(nowMillis: number): Snapshot {
    this.roll(nowMillis)
    return this.snapshot()
  }

  /** Count a request; `allowed` is false when the window was already spent. */
  take(nowMillis: number): Snapshot & { readonly allowed: boolean } {
    this.roll(nowMillis)
    if (this.count >= this.limit) return { ...this.snapshot(), allowed: false }
    this.count++
    return { ...this.snapshot(), allowed: true }
  }

  headers(snapshot: Snapshot): Record<string, string> {
    return {
      "x-ratelimit-limit": String(snapshot.limit),
      "x-ratelimit-remaining": String(snapshot.remaining),
      "x-ratelimit-reset": String(snapshot.reset)
    }
  }
}
