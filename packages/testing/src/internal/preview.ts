/**
 * The Preview (`Intercom-Version: Unstable`) operations the fake answers, paired
 * from data: a Preview operation is served by the implemented stable route with
 * the same HTTP method and the same path shape (the templates are equal once
 * every `{name}` is a placeholder), with the stable handler. Its path parameters
 * are renamed to the stable ones by position (`/contacts/{id}` is
 * `/contacts/{contact_id}`). The later versions (`versions.ts`) are paired the
 * same way.
 *
 * The router keeps one registration per method and path shape, the stable
 * template; the handler tells the two apart by the `Intercom-Version` header, so
 * a Preview request is validated with the Preview operation's input schema and
 * logged under the Preview method's name (a route that validates its body
 * itself, like the searches, does so for both). A Preview request to a stable route
 * without a Preview twin, or to no route at all, is a 404 naming the Preview
 * method when the path is one of the client's.
 *
 * The Preview operations with no 2.14 endpoint (brands, emails, macros, Fin
 * Voice calls, company notes, conversation handling events, workflow export,
 * WhatsApp message status) are Preview-only routes: route modules declare them
 * with their Preview descriptors (`previewRoutes`), and the router registers
 * each at its Preview template with no stable route, so a request without
 * `Intercom-Version: Unstable` there gets the 404 of an unknown 2.14 route.
 *
 * Where the wire shapes differ (a body field's name, the answer does not decode
 * with the Preview operation's success schema, another pagination scheme), the
 * route module declares an adapter (`adapt.ts`) for the pair; no pair is left
 * out. The Preview tour (tests/testing/suites/preview.ts) checks every pair.
 */
import type * as Operation from "@effect-intercom/client/Operation"
import * as Admins from "@effect-intercom/client/unstable/Admins"
import * as AiContent from "@effect-intercom/client/unstable/AiContent"
import * as Articles from "@effect-intercom/client/unstable/Articles"
import * as AwayStatusReasons from "@effect-intercom/client/unstable/AwayStatusReasons"
import * as Brands from "@effect-intercom/client/unstable/Brands"
import * as Calls from "@effect-intercom/client/unstable/Calls"
import * as Companies from "@effect-intercom/client/unstable/Companies"
import * as Contacts from "@effect-intercom/client/unstable/Contacts"
import * as Conversations from "@effect-intercom/client/unstable/Conversations"
import * as CustomChannelEvents from "@effect-intercom/client/unstable/CustomChannelEvents"
import * as CustomObjectInstances from "@effect-intercom/client/unstable/CustomObjectInstances"
import * as DataAttributes from "@effect-intercom/client/unstable/DataAttributes"
import * as DataEvents from "@effect-intercom/client/unstable/DataEvents"
import * as DataExport from "@effect-intercom/client/unstable/DataExport"
import * as Emails from "@effect-intercom/client/unstable/Emails"
import * as Export from "@effect-intercom/client/unstable/Export"
import * as HelpCenter from "@effect-intercom/client/unstable/HelpCenter"
import * as InternalArticles from "@effect-intercom/client/unstable/InternalArticles"
import * as Jobs from "@effect-intercom/client/unstable/Jobs"
import * as Macros from "@effect-intercom/client/unstable/Macros"
import * as Messages from "@effect-intercom/client/unstable/Messages"
import * as News from "@effect-intercom/client/unstable/News"
import * as Notes from "@effect-intercom/client/unstable/Notes"
import * as Segments from "@effect-intercom/client/unstable/Segments"
import * as SubscriptionTypes from "@effect-intercom/client/unstable/SubscriptionTypes"
import * as Switch from "@effect-intercom/client/unstable/Switch"
import * as Tags from "@effect-intercom/client/unstable/Tags"
import * as Teams from "@effect-intercom/client/unstable/Teams"
import * as Tickets from "@effect-intercom/client/unstable/Tickets"
import * as TicketStates from "@effect-intercom/client/unstable/TicketStates"
import * as TicketTypeAttributes from "@effect-intercom/client/unstable/TicketTypeAttributes"
import * as TicketTypes from "@effect-intercom/client/unstable/TicketTypes"
import * as Visitors from "@effect-intercom/client/unstable/Visitors"
import * as Workflows from "@effect-intercom/client/unstable/Workflows"
import type * as Http from "./http.js"

type AnyOperation = Operation.Operation<any, any, any>

const isOperation = (u: unknown): u is AnyOperation =>
  typeof u === "object" && u !== null && (u as { api?: unknown }).api === "unstable" &&
  typeof (u as { path?: unknown }).path === "string" && typeof (u as { method?: unknown }).method === "string" &&
  typeof (u as { name?: unknown }).name === "string"

/**
 * Every Preview operation of the client, read from its resource modules (a
 * test checks the list against the client's own index of descriptors).
 */
export const operations: ReadonlyArray<AnyOperation> = [
  Admins,
  AiContent,
  Articles,
  AwayStatusReasons,
  Brands,
  Calls,
  Companies,
  Contacts,
  Conversations,
  CustomChannelEvents,
  CustomObjectInstances,
  DataAttributes,
  DataEvents,
  DataExport,
  Emails,
  Export,
  HelpCenter,
  InternalArticles,
  Jobs,
  Macros,
  Messages,
  News,
  Notes,
  Segments,
  SubscriptionTypes,
  Switch,
  Tags,
  Teams,
  TicketStates,
  TicketTypeAttributes,
  TicketTypes,
  Tickets,
  Visitors,
  Workflows
].flatMap((module) => Object.values(module).filter(isOperation))

/** `/contacts/{id}` → `/contacts/{}`: the template without its parameter names. */
export const pathShape = (template: string): string => template.replace(/\{[^}]+\}/g, "{}")

/** An operation's method and path shape: the key of a registration in the router. */
export const shapeKey = (operation: { readonly method: string; readonly path: string }): string =>
  `${operation.method} ${pathShape(operation.path)}`

/**
 * Pair every Preview operation with the route serving the same method and path
 * shape, if any; the Preview operations without a 2.14 endpoint are served by
 * the Preview-only routes (`previewOnly`, each registered with its Preview
 * descriptor). `adapters` are keyed by the Preview operation's name.
 */
export const pair = (
  routes: ReadonlyArray<Http.Route>,
  adapters: Readonly<Record<string, Http.PreviewAdapter>>,
  previewOnly: ReadonlyArray<Http.Route> = []
): ReadonlyArray<Http.VariantRoute> => {
  const byShape = new Map(routes.map((route) => [shapeKey(route.operation), route]))
  const own = new Map<AnyOperation, Http.Route>()
  for (const route of previewOnly) {
    const operation = route.operation
    if (operation.api !== "unstable" || !operations.includes(operation)) {
      throw new Error(`FakeIntercom: the Preview-only route ${operation.name} is not a Preview operation`)
    }
    if (byShape.has(shapeKey(operation))) {
      throw new Error(`FakeIntercom: ${operation.name} has a 2.14 route; pair it instead of serving it on its own`)
    }
    if (own.has(operation)) throw new Error(`FakeIntercom: two Preview-only routes for ${operation.name}`)
    own.set(operation, route)
  }
  const out: Array<Http.VariantRoute> = []
  for (const operation of operations) {
    const route = own.get(operation) ?? byShape.get(shapeKey(operation))
    if (route === undefined) continue
    out.push({ api: "unstable", operation, route, adapter: adapters[operation.name] ?? {} })
  }
  for (const name of Object.keys(adapters)) {
    if (!out.some((preview) => preview.operation.name === name)) {
      throw new Error(`FakeIntercom: an adapter for ${name}, which no route serves`)
    }
  }
  return out
}
