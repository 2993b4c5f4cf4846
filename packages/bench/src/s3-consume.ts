/**
 * S3's consumers of a listing, shared by ours as published (`client-published.ts`) and its floor
 * (`client-floor.ts`), so that both are consumed alike: `Stream.runForEach` with an effect per item, or `for await`
 * over an `AsyncIterable`, each item checked, stopping at `limit`; and their `Client`, which only iterates
 * (`listingOnly`). Imported by those two only: the other clients' processes load no `effect` through it.
 */
import * as Effect from "effect/Effect"
import * as Stream from "effect/Stream"
import { check, type Client, type VariantName } from "./clients.js"

type Item = { readonly email?: string | null | undefined }

/** `Stream.runForEach` over the first `limit` items; the count. */
export const runForEach = <E, R>(stream: Stream.Stream<Item, E, R>, limit: number): Effect.Effect<number, E, R> =>
  Effect.suspend(() => {
    let count = 0
    return Effect.map(
      stream.pipe(
        Stream.take(limit),
        Stream.runForEach((item) =>
          Effect.sync(() => {
            check(item)
            count++
          })
        )
      ),
      () => count
    )
  })

/** `for await` over the items, leaving the loop at `limit`; the count. */
export const forAwait = async (iterable: AsyncIterable<Item>, limit: number): Promise<number> => {
  let count = 0
  for await (const item of iterable) {
    check(item)
    if (++count >= limit) break
  }
  return count
}

/** A client that only iterates (an S3 row): its sequential and concurrent calls reject. */
export const listingOnly = (
  name: VariantName,
  iterate: Client["iterate"],
  close: () => Promise<void>
): Client => {
  const unsupported = () => Promise.reject(new Error(`${name}: S3 only`))
  return { name, sequential: unsupported, concurrent: unsupported, iterate, close }
}
