/**
 * The `Intercom` service of API 2.16: every method of Intercom's 2.16
 * description, by namespace, with 2.16's inputs, responses and errors, and
 * the Preview's methods under `unstable` (the same ones as `Intercom`'s).
 * Every call sends `Intercom-Version: 2.16` (the Preview's, `Unstable`),
 * whatever `IntercomClient.withVersion` says, so the header always matches
 * the types.
 *
 * A method the official SDK has keeps its name (`contacts.find`,
 * `conversations.reply`); the others are named from the spec's tag and
 * operation (`finAgent.startFinConversation`, `conversations.mergeConversation`),
 * listed in the README's "API versions" table.
 *
 * ```ts
 * import * as Intercom_2_16 from "@effect-intercom/client/Intercom_2_16"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * import * as Redacted from "effect/Redacted"
 *
 * const program = Effect.gen(function* () {
 *   const intercom = yield* Intercom_2_16.Intercom
 *   const contact = yield* intercom.contacts.find({ contact_id: "6329bd9ffe4e2e91dac76188" })
 *   const snippets = yield* intercom.contentSnippets.listContentSnippets()
 *   return [contact.email, snippets]
 * })
 *
 * program.pipe(
 *   Effect.provide(Intercom_2_16.layer({ token: Redacted.make("...") }).pipe(Layer.provide(NodeHttpClient.layerUndici)))
 * )
 * ```
 *
 * The same operations exist as plain functions in the resource modules
 * (`@effect-intercom/client/v2.16/Contacts`, ...), which need only the
 * `IntercomClient` service.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Surface from "./generated/v2_16/Surface.js"
import * as IntercomClient from "./IntercomClient.js"

/**
 * The API version of this service's methods (the `Intercom-Version` they send).
 *
 * @since 0.1.0
 * @category models
 */
export const version = "2.16"

/**
 * The shape of the service: namespaces of methods, the official SDK's names
 * where it has the method.
 *
 * @since 0.1.0
 * @category models
 */
export interface IntercomShape extends Surface.IntercomShape {}

/**
 * The service of API 2.16, a tag of its own (a program may hold it beside the
 * 2.14 `Intercom`).
 *
 * @since 0.1.0
 * @category tags
 */
export class Intercom extends Context.Tag("@effect-intercom/client/Intercom_2_16")<Intercom, IntercomShape>() {}

/**
 * Build the service from the `IntercomClient` in context.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<IntercomShape, never, IntercomClient.IntercomClient> = Effect.map(
  IntercomClient.IntercomClient,
  Surface.make
)

/**
 * The service from an existing `IntercomClient` layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromClient: Layer.Layer<Intercom, never, IntercomClient.IntercomClient> = Layer.effect(
  Intercom,
  make
)

/**
 * The service and the `IntercomClient` it runs on, from options. Provide an
 * `HttpClient` (`NodeHttpClient.layerUndici` on Node, `FetchHttpClient.layer`
 * elsewhere, or a mock in tests). The options' `version` does not apply to
 * this service's methods, which always send 2.16.
 *
 * @example
 * ```ts
 * import * as Intercom_2_16 from "@effect-intercom/client/Intercom_2_16"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * import * as Redacted from "effect/Redacted"
 *
 * const program = Effect.gen(function* () {
 *   const intercom = yield* Intercom_2_16.Intercom
 *   // merge conversation 123 into 456
 *   return yield* intercom.conversations.mergeConversation({ id: "123", merge_into_conversation_id: 456 })
 * })
 *
 * const IntercomLive = Intercom_2_16.layer({ token: Redacted.make("dG9rOmFiYw==") }).pipe(
 *   Layer.provide(NodeHttpClient.layerUndici)
 * )
 *
 * program.pipe(Effect.provide(IntercomLive))
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: IntercomClient.Options
): Layer.Layer<Intercom | IntercomClient.IntercomClient, never, HttpClient.HttpClient> =>
  Layer.provideMerge(layerFromClient, IntercomClient.layer(options))

/**
 * Like `layer`, with the options read from `Config`: by default
 * `INTERCOM_TOKEN`, `INTERCOM_REGION` (us, eu, au), `INTERCOM_BASE_URL` and
 * `INTERCOM_VERSION` (which only the 2.14 methods read).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config.Wrap<IntercomClient.Options> = IntercomClient.defaultConfig
): Layer.Layer<Intercom | IntercomClient.IntercomClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.provideMerge(layerFromClient, IntercomClient.layerConfig(config))
