/**
 * Streams over paginated operations. Every paginated method `x` of the
 * `Intercom` service and of the resource modules has two companions:
 *
 * - `xStream(input?, options?)`: a `Stream` of the items of every page;
 * - `xPages(input?, options?)`: a `Stream` of the pages themselves.
 *
 * Both are lazy (no request until pulled), keep one page in memory (plus
 * `readAhead` pages if asked), stop on the last page as the response says it
 * is (no extra empty-page request, except for scrolls, which Intercom ends with
 * an empty page), and stop fetching as soon as the consumer stops. A failed page
 * is retried by the retry policy on its own: the stream does not restart.
 *
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * const emails = Effect.gen(function* () {
 *   const intercom = yield* Intercom.Intercom
 *   return yield* intercom.contacts.listStream({ per_page: 150 }).pipe(
 *     Stream.map((contact) => contact.email),
 *     Stream.take(500),
 *     Stream.runCollect
 *   )
 * })
 * ```
 *
 * @since 0.1.0
 */
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import type * as IntercomClient from "./IntercomClient.js"
import type * as IntercomError from "./IntercomError.js"
import * as internal from "./internal/pagination.js"
import * as Operation from "./Operation.js"

/**
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * How many pages to fetch ahead of the consumer (default 0: the next page is
   * requested when the consumer pulls past the current one).
   */
  readonly readAhead?: number | undefined
  /**
   * Page-number listings only: once the first page gives the total, fetch the
   * remaining pages with this concurrency, keeping their order (default 1).
   */
  readonly concurrency?: number | undefined
}

/**
 * The type of the items of a page: `ItemOf<ContactList, "data">` is `Contact`.
 * A dotted path reaches into nested objects (`"data.articles"`).
 *
 * @since 0.1.0
 * @category models
 */
export type ItemOf<A, Path extends string> = Path extends `${infer K}.${infer Rest}`
  ? ItemOf<NonNullable<A[K & keyof A]>, Rest>
  : NonNullable<A[Path & keyof A]> extends ReadonlyArray<infer T> ? T
  : never

/**
 * The pages of a paginated operation, as a lazy stream.
 *
 * @since 0.1.0
 * @category streams
 */
export const pages = <I, A, E>(
  operation: Operation.Operation<I, A, E>,
  input?: I,
  options?: Options
): Stream.Stream<A, E | Operation.CommonError | IntercomError.ScrollError, IntercomClient.IntercomClient> =>
  internal.pages(Operation.execute, operation, input, options)

/**
 * The items of every page of a paginated operation, as a lazy stream. The
 * service's and the resource modules' `xStream` methods are this, typed.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as Effect from "effect/Effect"
 * import * as Stream from "effect/Stream"
 *
 * const emails = Effect.gen(function* () {
 *   const intercom = yield* Intercom.Intercom
 *   return yield* intercom.contacts.listStream({ per_page: 150 }).pipe(
 *     Stream.map((contact) => contact.email),
 *     Stream.take(500),
 *     Stream.runCollect
 *   )
 * })
 * ```
 *
 * @since 0.1.0
 * @category streams
 */
export const items = <I, A, E, Item = unknown>(
  operation: Operation.Operation<I, A, E>,
  input?: I,
  options?: Options
): Stream.Stream<Item, E | Operation.CommonError | IntercomError.ScrollError, IntercomClient.IntercomClient> =>
  internal.items(Operation.execute, operation, input, options) as Stream.Stream<
    Item,
    any,
    IntercomClient.IntercomClient
  >

/**
 * A stream as an `AsyncIterable`, for code outside Effect (`for await`),
 * pulled a chunk at a time: a listing's stream emits each page's items as
 * one chunk, so the next page is requested when the loop has taken the items
 * of the current one, and one page is in memory. `Stream.toAsyncIterable`
 * does the same item by item, with a fiber hand-off, a latch and a Promise
 * for each (in `packages/bench`, S3, about 5 KB and a few microseconds per
 * item); here an item costs a step of an async generator.
 *
 * Nothing runs until the loop starts. A failure is thrown as it is (the
 * `IntercomError` class of the failed page, after the items of the pages
 * before it); leaving the loop (`break`, `return`, a throw) closes the
 * stream and its resources. A stream that needs services runs on the
 * `runtime` given (`ManagedRuntime.runtime()`), by default on Effect's
 * default runtime.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as Pagination from "@effect-intercom/client/Pagination"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import * as Layer from "effect/Layer"
 * import * as ManagedRuntime from "effect/ManagedRuntime"
 * import * as Redacted from "effect/Redacted"
 *
 * const runtime = ManagedRuntime.make(
 *   Intercom.layer({ token: Redacted.make("...") }).pipe(Layer.provide(NodeHttpClient.layerUndici))
 * )
 *
 * export const main = async () => {
 *   const intercom = await runtime.runPromise(Intercom.Intercom)
 *   for await (const contact of Pagination.toAsyncIterable(intercom.contacts.listStream({ per_page: 150 }))) {
 *     console.log(contact.email)
 *   }
 *   await runtime.dispose()
 * }
 * ```
 *
 * @since 0.1.0
 * @category conversions
 */
export const toAsyncIterable: {
  <A, E>(self: Stream.Stream<A, E>): AsyncIterable<A>
  <A, E, R>(self: Stream.Stream<A, E, R>, runtime: Runtime.Runtime<R>): AsyncIterable<A>
} = <A, E, R>(self: Stream.Stream<A, E, R>, runtime?: Runtime.Runtime<R>): AsyncIterable<A> => ({
  async *[Symbol.asyncIterator]() {
    const rt = runtime ?? (Runtime.defaultRuntime as Runtime.Runtime<R>)
    const scope = Effect.runSync(Scope.make())
    try {
      const pull = await Runtime.runPromise(rt, Scope.extend(Stream.toPull(self), scope))
      for (;;) {
        const exit = await Runtime.runPromiseExit(rt, pull)
        if (Exit.isSuccess(exit)) {
          for (const item of exit.value) yield item
          continue
        }
        // `None` is the end of the stream; `Some` the stream's failure.
        const failure = Cause.flipCauseOption(exit.cause)
        if (Option.isNone(failure)) return
        throw Cause.squash(failure.value)
      }
    } finally {
      await Effect.runPromise(Scope.close(scope, Exit.void))
    }
  }
})
