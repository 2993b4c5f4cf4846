/**
 * The floor of the S3 rows as published, in its own module so that its process loads no client code: the same
 * listing as a `Stream` over the bare `HttpClient` (`NodeHttpClient.layerUndici`, cursor pagination with
 * `Stream.paginateChunkEffect`, a page's items as one chunk, no client, no decoding), consumed as
 * `client-published.ts` consumes ours: `Stream.runForEach`, or `Stream.toAsyncIterable` and `for await`. Built
 * into the published workers (every package external) and imported by subpath, as ours is there, so that the two
 * processes differ only by our package.
 */
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import { type Client, type S3Floor, token } from "./clients.js"
import * as S3 from "./s3-consume.js"

export const effectTransportStreamClient = (baseUrl: string, name: S3Floor): Client => {
  const runtime = ManagedRuntime.make(NodeHttpClient.layerUndici)
  const headers = { authorization: `Bearer ${token}`, accept: "application/json", "intercom-version": "2.14" }
  const listing = (client: HttpClient.HttpClient, perPage: number) =>
    Stream.paginateChunkEffect(
      undefined as string | undefined,
      (cursor) =>
        client.get(`${baseUrl}/contacts?per_page=${perPage}` + (cursor ? `&starting_after=${cursor}` : ""), { headers })
          .pipe(
            Effect.flatMap((response) => response.text),
            Effect.map((text) => {
              const body = JSON.parse(text)
              return [
                Chunk.unsafeFromArray(body.data as Array<{ email?: string | null }>),
                Option.fromNullable(body.pages?.next?.starting_after as string | undefined)
              ] as const
            })
          )
    )
  const runForEach = (limit: number, perPage: number) =>
    runtime.runPromise(
      Effect.flatMap(HttpClient.HttpClient, (client) => S3.runForEach(listing(client, perPage), limit))
    )
  const toAsyncIterable = async (limit: number, perPage: number) =>
    S3.forAwait(Stream.toAsyncIterable(listing(await runtime.runPromise(HttpClient.HttpClient), perPage)), limit)
  return S3.listingOnly(
    name,
    name === "floor: effect HttpClient Stream (runForEach)" ? runForEach : toAsyncIterable,
    () => runtime.dispose()
  )
}
