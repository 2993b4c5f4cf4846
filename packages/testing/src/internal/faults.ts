/**
 * Fault injection, drawn from its own seeded PRNG so a test sees the same
 * faults on every run: latency (fixed or uniform in a range), a rate of 5xx
 * answers, a rate of dropped connections, and scripted failures of the next
 * requests.
 */
import * as Duration from "effect/Duration"
import type { FaultOptions, ScriptedFailure } from "../FakeIntercom.js"
import * as Prng from "./prng.js"

export type Outcome =
  | { readonly _tag: "Pass" }
  | { readonly _tag: "Drop" }
  | { readonly _tag: "Fail"; readonly status: number; readonly retryAfterSeconds?: number | undefined }

export interface Decision {
  readonly latencyMillis: number
  readonly outcome: Outcome
}

const millis = (input: Duration.DurationInput): number => Duration.toMillis(Duration.decode(input))

export class Injector {
  private prng: Prng.Prng
  private scripted: Array<ScriptedFailure | "drop"> = []

  constructor(private options: FaultOptions | undefined, seed: number) {
    this.prng = Prng.make(options?.seed ?? seed)
  }

  configure(options: FaultOptions | undefined, seed: number): void {
    this.options = options
    this.prng = Prng.make(options?.seed ?? seed)
  }

  /** Fail the next `count` requests with `status` (or drop them). */
  script(count: number, outcome: number | ScriptedFailure | "drop"): void {
    const entry = typeof outcome === "number" ? { status: outcome } : outcome
    for (let i = 0; i < count; i++) this.scripted.push(entry)
  }

  decide(): Decision {
    const options = this.options
    let latencyMillis = 0
    if (options?.latency !== undefined) {
      const latency = options.latency
      if (typeof latency === "object" && latency !== null && "min" in latency && "max" in latency) {
        const min = millis(latency.min)
        const max = millis(latency.max)
        latencyMillis = min + this.prng.next() * Math.max(0, max - min)
      } else {
        latencyMillis = millis(latency as Duration.DurationInput)
      }
    }
    const scripted = this.scripted.shift()
    if (scripted !== undefined) {
      if (scripted === "drop") return { latencyMillis, outcome: { _tag: "Drop" } }
      const retryAfterSeconds = scripted.retryAfter === undefined
        ? undefined
        : Math.ceil(millis(scripted.retryAfter) / 1000)
      return { latencyMillis, outcome: { _tag: "Fail", status: scripted.status, retryAfterSeconds } }
    }
    if (options === undefined) return { latencyMillis, outcome: { _tag: "Pass" } }
    if (this.prng.chance(options.dropRate ?? 0)) return { latencyMillis, outcome: { _tag: "Drop" } }
    if (this.prng.chance(options.errorRate ?? 0)) {
      const statuses = options.errorStatuses ?? [500, 502, 503]
      return { latencyMillis, outcome: { _tag: "Fail", status: this.prng.pick(statuses) } }
    }
    return { latencyMillis, outcome: { _tag: "Pass" } }
  }
}
