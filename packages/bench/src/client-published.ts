/**
 * Ours as published, S3 only: the packed package (`.out/published`, see
 * `published.ts`), imported by subpath as the README shows
 * (`@effect-intercom/client/Intercom`, `@effect/platform-node/NodeHttpClient`,
 * `effect/Effect`), `Intercom.layer` over `NodeHttpClient.layerUndici` with
 * default settings. The listing is `contacts.listStream` consumed with
 * `Stream.runForEach`, or through `Stream.toAsyncIterable` (or our
 * `Pagination.toAsyncIterable`) and `for await` (the service taken once from
 * the runtime), as code outside Effect does.
 *
 * Built only into the workers of `.out/published/js`, where the package
 * specifiers resolve to the installed tarball.
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as Pagination from "@effect-intercom/client/Pagination"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { type Client, type S3Variant, token } from "./clients.js"
import * as S3 from "./s3-consume.js"

export const publishedClient = (baseUrl: string, name: S3Variant): Client => {
  const runtime = ManagedRuntime.make(
    Intercom.layer({ token: Redacted.make(token), baseUrl }).pipe(Layer.provide(NodeHttpClient.layerUndici))
  )
  const runForEach = (limit: number, perPage: number) =>
    runtime.runPromise(
      Effect.flatMap(Intercom.Intercom, (intercom) =>
        S3.runForEach(intercom.contacts.listStream({ per_page: perPage }), limit))
    )
  const toAsyncIterable = async (limit: number, perPage: number) => {
    const intercom = await runtime.runPromise(Intercom.Intercom)
    const stream = intercom.contacts.listStream({ per_page: perPage })
    return S3.forAwait(
      name === "effect-intercom, published (Pagination.toAsyncIterable)"
        ? Pagination.toAsyncIterable(stream)
        : Stream.toAsyncIterable(stream),
      limit
    )
  }
  return S3.listingOnly(
    name,
    name === "effect-intercom, published (runForEach)" ? runForEach : toAsyncIterable,
    () => runtime.dispose()
  )
}
