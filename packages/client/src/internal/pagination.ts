/**
 * Streams over paginated operations: one implementation per scheme (cursor,
 * page number, search body, scroll), all lazy, one page in memory plus an
 * optional bounded read-ahead, stopping on the last page as the response says.
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Stream from "effect/Stream"
import * as IntercomError from "../IntercomError.js"
import type { CommonError, Operation, Pagination } from "../Operation.js"
import { captureResponse, replayResponse } from "./callOptions.js"

/** @internal */
export type Execute<R> = <I, A, E>(operation: Operation<I, A, E>, input: I) => Effect.Effect<A, E | CommonError, R>

/** @internal */
export interface StreamOptions {
  readonly readAhead?: number | undefined
  readonly concurrency?: number | undefined
}

type Input = Record<string, unknown>
type Page = Record<string, any>

const itemsPath = new Map<string, ReadonlyArray<string>>()

/** @internal */
export const itemsOf = (pagination: Pagination, page: unknown): ReadonlyArray<unknown> => {
  let path = itemsPath.get(pagination.items)
  if (path === undefined) {
    path = pagination.items.split(".")
    itemsPath.set(pagination.items, path)
  }
  let value: any = page
  for (const key of path) value = value?.[key]
  if (Array.isArray(value)) return value
  // Where the schema names another field, the API may still list the items under `data`.
  const data = (page as any)?.data
  return Array.isArray(data) ? data : []
}

const nextCursor = (page: Page): string | undefined => {
  const cursor = page?.pages?.next?.starting_after
  return typeof cursor === "string" && cursor !== "" ? cursor : undefined
}

const pageNumber = (page: Page, input: Input): number => {
  const n = Number(page?.pages?.page ?? input.page ?? 1)
  return Number.isFinite(n) && n >= 1 ? n : 1
}

const totalPages = (page: Page): number | undefined => {
  // A number once decoded; a numeric string in a body passed on as sent (the lenient policy).
  const raw = page?.pages?.total_pages
  const total = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw
  return typeof total === "number" && Number.isFinite(total) ? total : undefined
}

/** The input of the page after `page`, or none when `page` is the last one. */
const nextInput = (
  pagination: Pagination,
  input: Input,
  page: Page,
  items: ReadonlyArray<unknown>
): Option.Option<Input> => {
  switch (pagination.kind) {
    case "cursor": {
      const cursor = nextCursor(page)
      return cursor === undefined ? Option.none() : Option.some({ ...input, starting_after: cursor })
    }
    case "search": {
      const cursor = nextCursor(page)
      if (cursor === undefined) return Option.none()
      const current = (input.pagination ?? {}) as Input
      return Option.some({ ...input, pagination: { ...current, starting_after: cursor } })
    }
    case "page": {
      const n = pageNumber(page, input)
      const total = totalPages(page)
      const more = total !== undefined ? n < total : items.length > 0 && Boolean(page?.pages?.next)
      return more ? Option.some({ ...input, page: n + 1 }) : Option.none()
    }
    case "scroll": {
      // The scroll ends with an empty page (Intercom's only end marker for scrolls).
      const param = page?.scroll_param
      return items.length > 0 && typeof param === "string" && param !== ""
        ? Option.some({ ...input, scroll_param: param })
        : Option.none()
    }
  }
}

const scrollError = (first: boolean) => (error: unknown): unknown => {
  if (!IntercomError.isIntercomError(error) || !("status" in error)) return error
  const status = error.status
  if (status === 401 || status === 403 || status === 429) return error
  if (status >= 500) {
    return new IntercomError.ScrollError({ reason: "Interrupted", operation: error.operation, cause: error }, true)
  }
  if (status >= 400) {
    return new IntercomError.ScrollError({
      reason: first ? "Conflict" : "Expired",
      operation: error.operation,
      cause: error
    }, true)
  }
  return error
}

/** @internal */
export const pages = <I, A, E, R>(
  execute: Execute<R>,
  operation: Operation<I, A, E>,
  input: I | undefined,
  options?: StreamOptions
): Stream.Stream<A, E | CommonError | IntercomError.ScrollError, R> => {
  const pagination = operation.pagination
  if (pagination === undefined) {
    return Stream.die(new Error(`${operation.name} is not paginated`))
  }
  const start = { ...(input ?? {}) } as Input
  const fetch = (current: Input) => {
    const effect = execute(operation, current as I) as Effect.Effect<A, E | CommonError, R>
    return pagination.kind === "scroll"
      ? Effect.mapError(effect, scrollError(current.scroll_param === undefined) as (e: E | CommonError) => any)
      : effect
  }
  // One page at a time, each request made when the consumer pulls; `pageOf` finds the page in what `get` gives.
  const paginate = <P>(
    first: Input,
    get: (current: Input) => Effect.Effect<P, any, R>,
    pageOf: (fetched: P) => unknown
  ): Stream.Stream<P, any, R> =>
    Stream.paginateChunkEffect(first, (current: Input) =>
      Effect.map(get(current), (fetched) => {
        const page = pageOf(fetched)
        return [Chunk.of(fetched), nextInput(pagination, current, page as Page, itemsOf(pagination, page))] as const
      }))
  const concurrency = options?.concurrency ?? 1
  const concurrent = pagination.kind === "page" && concurrency > 1
  const readAhead = options?.readAhead ?? 0
  if (!concurrent && readAhead === 0) return paginate(start, fetch, (page) => page)

  // Pages fetched ahead of their consumer: each keeps its response (`captureResponse`) until it is emitted, so that
  // `withResponse` pairs it with its own response, not with the latest one fetched.
  const ahead = (current: Input) => captureResponse(fetch(current))
  const pageOf = (pair: readonly [A, unknown]) => pair[0]
  const pairs = concurrent
    ? Stream.unwrap(
      // Page numbers: once the first page tells the total, fetch the rest concurrently, in order.
      Effect.map(ahead(start), (first) => {
        const page = first[0] as Page
        const total = totalPages(page)
        const rest = total !== undefined
          ? Stream.mapEffect(
            Stream.range(pageNumber(page, start) + 1, total),
            (n) => ahead({ ...start, page: n }),
            { concurrency }
          )
          : Option.match(nextInput(pagination, start, page, itemsOf(pagination, page)), {
            onNone: () => Stream.empty,
            onSome: (next) => paginate(next, ahead, pageOf)
          })
        return Stream.concat(Stream.succeed(first), rest)
      })
    )
    : paginate(start, ahead, pageOf)
  const buffered = readAhead > 0 ? Stream.buffer(pairs, { capacity: readAhead }) : pairs
  return Stream.mapEffect(buffered, ([page, response]) => replayResponse(page, response))
}

/** @internal */
export const items = <I, A, E, R>(
  execute: Execute<R>,
  operation: Operation<I, A, E>,
  input: I | undefined,
  options?: StreamOptions
): Stream.Stream<unknown, E | CommonError | IntercomError.ScrollError, R> => {
  const pagination = operation.pagination!
  return Stream.mapConcat(pages(execute, operation, input, options), (page) => itemsOf(pagination, page))
}
