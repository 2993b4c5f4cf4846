/**
 * Run an effect with a `Console` that collects what it logs.
 */
import type * as Console from "effect/Console"
import * as Effect from "effect/Effect"

export const captured = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const lines: Array<string> = []
    const base = yield* Effect.console
    const push = (...args: ReadonlyArray<unknown>) => {
      lines.push(args.map(String).join(" "))
    }
    const console: Console.Console = {
      ...base,
      log: (...args) => Effect.sync(() => push(...args)),
      error: (...args) => Effect.sync(() => push(...args)),
      unsafe: { ...base.unsafe, log: push, error: push }
    }
    const value = yield* Effect.withConsole(effect, console)
    return { value, lines, output: lines.join("\n") }
  })
