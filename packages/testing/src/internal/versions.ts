/**
 * The later API versions (2.15, 2.16: requests with `Intercom-Version: 2.15`
 * or `2.16`, as the client's `Intercom_2_15` / `Intercom_2_16` send), paired
 * from data as the Preview is (`preview.ts`): each operation of a version is
 * served, validated with its own input schema and logged under its name and
 * version,
 *
 * 1. by the 2.14 route with the same method and path shape, over the same
 *    state (147 of 2.15's 162 operations, 147 of 2.16's 231);
 * 2. else by the Preview-only route on that endpoint, over the same state
 *    (brands, emails, macros, Fin Voice calls, company notes, handling events,
 *    WhatsApp status, workflow export);
 * 3. else by a route of its own, over the same state (the Fin Voice calls of
 *    a conversation, whose description has no example);
 * 4. else by an example route: the request is validated, and the answer is
 *    the first 2xx response of the version's description
 *    (`generated/answers.ts`), the same on every call; it reads and changes
 *    no state.
 *
 * An operation none of these serves is left out; the fake's tests check that
 * every operation of both versions is served.
 */
import type * as Operation from "@effect-intercom/client/Operation"
import { answers } from "../generated/answers.js"
import * as Apis from "./apis.js"
import * as Http from "./http.js"
import * as Preview from "./preview.js"

type AnyOperation = Operation.Operation<any, any, any>

/** The route answering an operation with the example of its description. */
const exampleRoute = (operation: AnyOperation, answer: { readonly status: number; readonly body?: unknown }) =>
  Http.route(
    operation,
    (): Http.Result<unknown> =>
      answer.body === undefined ? Http.empty(answer.status) : Http.json(answer.body, answer.status)
  )

/** How each operation of a later version is served (the module's comment). */
export type Source = "2.14 route" | "Preview route" | "own route" | "example"

/**
 * The operations of the later versions, each with the route serving it: the
 * 2.14 routes (`routes`, with the `adapters` of the pairs whose wire shapes
 * differ, keyed by `<version> <name>`), the Preview-only ones (`previewOnly`),
 * the versions' own (`own`, each with its version's descriptor), else an
 * example route.
 */
export const pair = (
  routes: ReadonlyArray<Http.Route>,
  previewOnly: ReadonlyArray<Http.Route>,
  own: ReadonlyArray<Http.Route>,
  adapters: Readonly<Record<string, Http.PreviewAdapter>> = {}
): ReadonlyArray<Http.VariantRoute & { readonly source: Source }> => {
  const stable = new Map(routes.map((route) => [Preview.shapeKey(route.operation), route]))
  const preview = new Map(previewOnly.map((route) => [Preview.shapeKey(route.operation), route]))
  const out: Array<Http.VariantRoute & { readonly source: Source }> = []
  for (const version of Apis.versions) {
    for (const operation of Apis.operations[version]) {
      const key = Preview.shapeKey(operation)
      const adapter = adapters[`${version} ${operation.name}`] ?? {}
      const byStable = stable.get(key)
      if (byStable !== undefined) {
        out.push({ api: version, operation, route: byStable, adapter, source: "2.14 route" })
        continue
      }
      const byPreview = preview.get(key)
      if (byPreview !== undefined) {
        out.push({ api: version, operation, route: byPreview, adapter, source: "Preview route" })
        continue
      }
      const ownRoute = own.find((route) => route.operation === operation)
      if (ownRoute !== undefined) {
        out.push({ api: version, operation, route: ownRoute, adapter, source: "own route" })
        continue
      }
      const answer = answers[version]?.[operation.name]
      if (answer !== undefined) {
        out.push({ api: version, operation, route: exampleRoute(operation, answer), adapter, source: "example" })
      }
    }
  }
  for (const name of Object.keys(adapters)) {
    if (!out.some((variant) => `${variant.api} ${variant.operation.name}` === name)) {
      throw new Error(`FakeIntercom: an adapter for ${name}, which no route serves`)
    }
  }
  return out
}
