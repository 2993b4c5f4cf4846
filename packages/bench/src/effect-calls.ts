/**
 * S1 and S2 for an Effect variant (ours, or the Effect transport floor): a
 * batch runs as one `Effect` through the variant's `ManagedRuntime`, as an
 * Effect program would run it.
 */
import * as Effect from "effect/Effect"
import type * as ManagedRuntime from "effect/ManagedRuntime"
import type { Client } from "./clients.js"

export const effectCalls = <R>(
  runtime: ManagedRuntime.ManagedRuntime<R, never>,
  find: Effect.Effect<unknown, unknown, R>
): Pick<Client, "sequential" | "concurrent"> => ({
  sequential: (n) =>
    runtime.runPromise(Effect.gen(function*() {
      const out = new Float64Array(n)
      for (let i = 0; i < n; i++) {
        const t = performance.now()
        yield* find
        out[i] = performance.now() - t
      }
      return out
    })),
  concurrent: (n, concurrency) =>
    runtime.runPromise(
      Effect.forEach(
        Array.from({ length: n }),
        () => find.pipe(Effect.as(0), Effect.orElseSucceed(() => 1)),
        { concurrency }
      ).pipe(Effect.map((results) => results.reduce((a, b) => a + b, 0)))
    )
})
