/**
 * Macros (saved replies; Preview only: `GET /macros`, `GET /macros/{id}`) over
 * the seeded macros: listed most recently updated first, paged by cursor
 * (`per_page` 1 to 150, default 50), filtered by `updated_since`; the body in
 * HTML with Intercom's placeholders as `<attribute key=".." default=".."/>`,
 * `body_text` with the placeholders as written.
 */
import * as Macros from "@effect-intercom/client/unstable/Macros"
import type * as Schemas from "@effect-intercom/client/unstable/Schemas"
import * as Http from "../http.js"
import * as Pagination from "../pagination.js"
import type { MacroRecord } from "../store.js"

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString()

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/** `{{user.name | fallback: 'there'}}` → `<attribute key="user.name" default="there"/>`. */
export const placeholdersToXml = (text: string): string =>
  text.replace(
    /\{\{\s*([\w.]+)\s*(?:\|\s*fallback\s*:\s*(?:'([^']*)'|"([^"]*)"))?\s*\}\}/g,
    (_, key: string, single?: string, double?: string) => {
      const fallback = single ?? double
      return fallback === undefined
        ? `<attribute key="${key}"/>`
        : `<attribute key="${key}" default="${escapeXml(fallback)}"/>`
    }
  )

const macro = (record: MacroRecord): Schemas.Macro => ({
  type: "macro",
  id: record.id,
  name: record.name,
  body: `<p>${placeholdersToXml(record.body_text)}</p>`,
  body_text: record.body_text,
  created_at: iso(record.created_at),
  updated_at: iso(record.updated_at),
  visible_to: record.visible_to_team_ids === null ? "everyone" : "specific_teams",
  visible_to_team_ids: [...(record.visible_to_team_ids ?? [])],
  available_on: [...record.available_on]
})

const integer = (value: string | null): number | undefined => {
  if (value === null || value === "") return undefined
  const n = Number(value)
  return Number.isInteger(n) ? n : NaN
}

/** The Preview-only routes of macros. */
export const previewRoutes: ReadonlyArray<Http.Route> = [
  Http.route(Macros.listMacrosOperation, ({ query, store }) => {
    const perPage = integer(query.get("per_page")) ?? 50
    if (Number.isNaN(perPage) || perPage < 1 || perPage > 150) {
      return Http.fail(400, "parameter_invalid", "per_page must be an integer between 1 and 150", "per_page")
    }
    const since = integer(query.get("updated_since"))
    if (since !== undefined && Number.isNaN(since)) {
      return Http.fail(400, "parameter_invalid", "updated_since must be a Unix timestamp", "updated_since")
    }
    const macros = [...store.macros.values()].filter((m) => since === undefined || m.updated_at > since)
    const page = Pagination.cursorPage(macros, perPage, query.get("starting_after"))
    if (page === undefined) return Pagination.invalidCursor()
    return Http.json<Schemas.MacroList>({
      type: "list",
      data: page.items.map(macro),
      pages: {
        type: "pages",
        per_page: page.perPage,
        ...(page.next === undefined ? {} : { next: { starting_after: page.next } })
      }
    })
  }),
  Http.route(Macros.getMacroOperation, ({ input, store }) => {
    const record = store.macros.get(String(input.id))
    return record === undefined ? Http.notFound("Macro not found") : Http.json(macro(record))
  })
]
