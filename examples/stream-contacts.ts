/**
 * Stream every contact of the workspace to an NDJSON file (one JSON object a
 * line), with a progress bar. One request per page of 150, one page in
 * memory at a time, however many contacts there are.
 *
 *   pnpm --filter @effect-intercom/examples stream-contacts [contacts.ndjson]
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Ref from "effect/Ref"
import * as Stream from "effect/Stream"
import { isMain, run } from "./support/Example.js"

/** A progress bar on a terminal (redrawn in place), a line every 25 % otherwise. */
export const progressBar = (label: string) =>
  Effect.gen(function*() {
    const state = yield* Ref.make({ done: 0, lastQuarter: -1 })
    const tty = process.stderr.isTTY === true
    const draw = (done: number, total: number) => {
      const width = 30
      const share = total > 0 ? Math.min(1, done / total) : 1
      const filled = Math.round(share * width)
      return `${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done.toLocaleString("en-US")}/${
        total.toLocaleString("en-US")
      }`
    }
    return {
      advance: (count: number, total: number) =>
        Effect.flatMap(Ref.updateAndGet(state, (s) => ({ ...s, done: s.done + count })), ({ done, lastQuarter }) => {
          if (tty) return Effect.sync(() => process.stderr.write(`\r${draw(done, total)}`))
          const quarter = total > 0 ? Math.floor((done / total) * 4) : 4
          return quarter > lastQuarter
            ? Effect.zipRight(
              Ref.update(state, (s) => ({ ...s, lastQuarter: quarter })),
              Console.log(draw(done, total))
            )
            : Effect.void
        }),
      finish: tty ? Effect.sync(() => process.stderr.write("\n")) : Effect.void
    }
  })

export const program = (file: string) =>
  Effect.gen(function*() {
    const intercom = yield* Intercom.Intercom
    const fs = yield* FileSystem.FileSystem
    const progress = yield* progressBar("contacts")
    const written = yield* Ref.make(0)

    // `listPages` gives whole pages (with `total_count`, for the bar);
    // `listStream` would give the contacts one by one.
    yield* intercom.contacts.listPages({ per_page: 150 }).pipe(
      Stream.tap((page) => progress.advance(page.data?.length ?? 0, page.total_count ?? 0)),
      Stream.mapConcat((page) => page.data ?? []),
      Stream.tap(() => Ref.update(written, (n) => n + 1)),
      Stream.map((contact) => `${JSON.stringify(contact)}\n`),
      Stream.encodeText,
      Stream.run(fs.sink(file))
    )
    yield* progress.finish
    const count = yield* Ref.get(written)
    yield* Console.log(`Wrote ${count.toLocaleString("en-US")} contacts to ${file}`)
    return count
  })

if (isMain(import.meta.url)) run(program(process.argv[2] ?? "contacts.ndjson"))
