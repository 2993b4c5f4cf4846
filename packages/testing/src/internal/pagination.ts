/**
 * Intercom's pagination schemes, server side:
 *
 * - cursor (`GET /contacts`, `GET /conversations`) and search bodies: an opaque
 *   `starting_after` cursor; `pages.next.starting_after` is present exactly
 *   when there is a next page, so the last page is recognisable without an
 *   extra request;
 * - page number (`page`, `per_page`): `pages.page`, `pages.total_pages`, and a
 *   `pages.next` URL where the response schema has one;
 * - scroll (`GET /companies/scroll`): see the companies routes.
 *
 * Cursors encode the `seq` of the last item of a page, so records created
 * while a client pages do not shift what it has still to see.
 */
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as Http from "./http.js"

export const encodeCursor = (seq: number): string => btoa(JSON.stringify(["fake-intercom", seq]))

export const decodeCursor = (cursor: string): number | undefined => {
  try {
    const value = JSON.parse(atob(cursor)) as unknown
    if (Array.isArray(value) && value[0] === "fake-intercom" && typeof value[1] === "number") return value[1]
  } catch {
    // not one of ours
  }
  return undefined
}

/**
 * A cursor naming a page number, for Preview listings that page by cursor where
 * the stable route pages by number (see `adapt.ts`).
 */
export const encodePageCursor = (page: number): string => btoa(JSON.stringify(["fake-intercom-page", page]))

export const decodePageCursor = (cursor: string): number | undefined => {
  try {
    const value = JSON.parse(atob(cursor)) as unknown
    if (
      Array.isArray(value) && value[0] === "fake-intercom-page" && Number.isInteger(value[1]) && value[1] >= 1
    ) return value[1]
  } catch {
    // not one of ours
  }
  return undefined
}

/** Clamp a `per_page` (string, number or absent) to [1, max]. */
export const perPage = (value: unknown, fallback: number, max = 150): number => {
  const n = typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : NaN
  if (!Number.isFinite(n)) return fallback
  return Math.min(Math.max(1, Math.floor(n)), max)
}

export const pageNumber = (value: unknown): number => {
  const n = typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : NaN
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1
}

export interface CursorPage<T> {
  readonly items: ReadonlyArray<T>
  readonly total: number
  readonly page: number
  readonly perPage: number
  readonly totalPages: number
  readonly next: string | undefined
}

/**
 * One page of `items` (in `seq` order) after the cursor. `undefined` when
 * the cursor is not one this fake issued.
 */
export const cursorPage = <T extends { readonly seq: number }>(
  items: ReadonlyArray<T>,
  size: number,
  startingAfter: string | null | undefined
): CursorPage<T> | undefined => {
  let start = 0
  if (startingAfter !== undefined && startingAfter !== null && startingAfter !== "") {
    const seq = decodeCursor(startingAfter)
    if (seq === undefined) return undefined
    let lo = 0
    let hi = items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (items[mid].seq <= seq) lo = mid + 1
      else hi = mid
    }
    start = lo
  }
  const slice = items.slice(start, start + size)
  const hasNext = start + size < items.length && slice.length > 0
  return {
    items: slice,
    total: items.length,
    page: Math.floor(start / size) + 1,
    perPage: size,
    totalPages: Math.ceil(items.length / size),
    next: hasNext ? encodeCursor(slice[slice.length - 1].seq) : undefined
  }
}

export const cursorPages = (page: CursorPage<unknown>): Schemas.CursorPages => ({
  type: "pages",
  ...(page.next === undefined ? {} : { next: { per_page: page.perPage, starting_after: page.next } }),
  page: page.page,
  per_page: page.perPage,
  total_pages: page.totalPages
})

/** The answer to a `starting_after` the fake did not issue. */
export const invalidCursor = () => Http.fail(400, "parameter_invalid", "starting_after is invalid", "starting_after")

/**
 * A listing by cursor as Intercom answers it, `{ type: "list", data, total_count, pages }`, from the `per_page`
 * and `starting_after` of the query; a 400 for a cursor the fake did not issue.
 */
export const cursorList = <T extends { readonly seq: number }, A>(
  items: ReadonlyArray<T>,
  query: URLSearchParams,
  defaultPerPage: number,
  render: (item: T) => A
): Http.Result<{
  readonly type: "list"
  readonly data: ReadonlyArray<A>
  readonly total_count: number
  readonly pages: Schemas.CursorPages
}> => {
  const page = cursorPage(items, perPage(query.get("per_page"), defaultPerPage), query.get("starting_after"))
  if (page === undefined) return invalidCursor()
  return Http.json({ type: "list", data: page.items.map(render), total_count: page.total, pages: cursorPages(page) })
}

export interface NumberPage<T> {
  readonly items: ReadonlyArray<T>
  readonly total: number
  readonly page: number
  readonly perPage: number
  readonly totalPages: number
}

export const numberPage = <T>(items: ReadonlyArray<T>, page: number, size: number): NumberPage<T> => ({
  items: items.slice((page - 1) * size, page * size),
  total: items.length,
  page,
  perPage: size,
  totalPages: Math.ceil(items.length / size)
})

/** `pages` of a page-number list, with a `next` URL when there is a next page. */
export const offsetPages = (
  page: NumberPage<unknown>,
  nextUrl: (page: number) => string
): Schemas.OffsetPages => ({
  type: "pages",
  next: page.page < page.totalPages ? nextUrl(page.page + 1) : null,
  page: page.page,
  per_page: page.perPage,
  total_pages: page.totalPages
})

/**
 * A listing by page number as Intercom answers it, `{ type: "list", data, total_count, pages }`, from the `page`
 * and `per_page` of the query, with `pages.next` the URL of the next page at `origin + path`.
 */
export const numberList = <T, A>(
  items: ReadonlyArray<T>,
  request: { readonly query: URLSearchParams; readonly origin: string; readonly path: string },
  perPageDefault: number,
  perPageMax: number,
  render: (item: T) => A
): Http.Result<{
  readonly type: "list"
  readonly data: ReadonlyArray<A>
  readonly total_count: number
  readonly pages: Schemas.OffsetPages
}> => {
  const { origin, path, query } = request
  const page = numberPage(
    items,
    pageNumber(query.get("page")),
    perPage(query.get("per_page"), perPageDefault, perPageMax)
  )
  return Http.json({
    type: "list",
    data: page.items.map(render),
    total_count: page.total,
    pages: offsetPages(page, (n) => `${origin}${path}?page=${n}&per_page=${page.perPage}`)
  })
}

/** `pages` of a page-number list whose schema has no `next` URL (cursor-shaped). */
export const plainPages = (page: NumberPage<unknown>): Schemas.CursorPages => ({
  type: "pages",
  page: page.page,
  per_page: page.perPage,
  total_pages: page.totalPages
})
