/**
 * Adapters of stable answers to the shapes of the Preview operations served
 * by the same routes (see `preview.ts`), and of the later versions' operations
 * (`versions.ts`), for the pairs whose wire shapes differ. Each route module
 * lists its own, keyed by the Preview operation's name (`previewAdapters`) or
 * by `<version> <name>` (`versionAdapters`); the tours check every answer
 * against the success schema of the operation asked for, so a missing adapter
 * fails a test.
 */
import type * as Http from "./http.js"
import * as Pagination from "./pagination.js"

type Json = Record<string, unknown>

const isRecord = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

/** Rewrite the body of a JSON answer (failures and empty answers pass unchanged). */
export const mapBody =
  (f: (body: Json) => Json): NonNullable<Http.PreviewAdapter["result"]> => (result: Http.Result<unknown>) =>
    result._tag === "Json" && isRecord(result.body) ? { ...result, body: f(result.body) } : result

/** Rename fields of a Preview request body to the 2.14 names the handler reads. */
export const renameBody = (names: Readonly<Record<string, string>>): Http.PreviewAdapter => ({
  body: (body) => {
    if (!isRecord(body)) return body
    const out: Json = {}
    for (const [key, value] of Object.entries(body)) out[names[key] ?? key] = value
    return out
  }
})

const avatarUrl = (admin: unknown): unknown => {
  if (!isRecord(admin) || !isRecord(admin.avatar)) return admin
  const url = admin.avatar.image_url
  return { ...admin, avatar: typeof url === "string" ? url : null }
}

/**
 * An admin or a list of admins: the Preview's `admin.avatar` is the image URL
 * (2.14: an object with `image_url`).
 */
export const adminAvatar: Http.PreviewAdapter = {
  result: mapBody((body) =>
    Array.isArray(body.admins) ? { ...body, admins: body.admins.map(avatarUrl) } : avatarUrl(body) as Json
  )
}

/** A list that 2.14 answers as a bare array and a later version as `{ type: "list", data }`. */
export const wrapList: Http.PreviewAdapter = {
  result: (result) =>
    result._tag === "Json" && Array.isArray(result.body)
      ? { ...result, body: { type: "list", data: result.body } }
      : result
}

/** The same adapter for an operation in each later version: `versionAdapters` keyed `<version> <name>`. */
export const inVersions = (
  names: Readonly<Record<string, Http.PreviewAdapter>>,
  versions: ReadonlyArray<string> = ["2.15", "2.16"]
): Readonly<Record<string, Http.PreviewAdapter>> =>
  Object.fromEntries(
    versions.flatMap((version) => Object.entries(names).map(([name, adapter]) => [`${version} ${name}`, adapter]))
  )

/**
 * A page-number listing whose Preview `pages` is cursor-shaped (`next` is an
 * object, not the 2.14 link): the link goes; the client pages by
 * `page` and `total_pages`.
 */
export const pagesWithoutLink: Http.PreviewAdapter = {
  result: mapBody((body) => {
    if (!isRecord(body.pages) || typeof body.pages.next !== "string") return body
    const { next: _next, ...pages } = body.pages
    return { ...body, pages }
  })
}

/**
 * A listing the Preview pages by cursor where the 2.14 route pages by number:
 * `starting_after` is a cursor naming the next page number (the handler sees
 * `page`), and `pages.next` becomes `{ per_page, starting_after }` while there
 * is a next page.
 */
export const pagesAsCursor: Http.PreviewAdapter = {
  query: (query) => {
    const cursor = query.get("starting_after")
    if (cursor === null || cursor === "") return query
    const page = Pagination.decodePageCursor(cursor)
    if (page === undefined) return Pagination.invalidCursor()
    query.delete("starting_after")
    query.set("page", String(page))
    return query
  },
  result: mapBody((body) => {
    if (!isRecord(body.pages)) return body
    const { page, per_page, total_pages } = body.pages
    const more = typeof page === "number" && typeof total_pages === "number" && page < total_pages
    return {
      ...body,
      pages: {
        type: "pages",
        page,
        per_page,
        total_pages,
        ...(more ? { next: { per_page, starting_after: Pagination.encodePageCursor(page + 1) } } : {})
      }
    }
  })
}
