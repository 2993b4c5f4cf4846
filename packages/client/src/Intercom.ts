/**
 * The `Intercom` service: every method of the official Intercom SDKs, by
 * namespace (`admins.identify`, `contacts.find`, `unstable.contacts.listContacts`,
 * ...), each one an `Effect` with a typed error channel.
 *
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * import * as Redacted from "effect/Redacted"
 *
 * const program = Effect.gen(function* () {
 *   const intercom = yield* Intercom.Intercom
 *   const me = yield* intercom.admins.identify()
 *   const contact = yield* intercom.contacts.find({ contact_id: "6329bd9ffe4e2e91dac76188" })
 *   return [me.email, contact.email]
 * })
 *
 * program.pipe(
 *   Effect.provide(Intercom.layer({ token: Redacted.make("...") }).pipe(Layer.provide(NodeHttpClient.layerUndici)))
 * )
 * ```
 *
 * The same operations exist as plain functions in the resource modules
 * (`@effect-intercom/client/stable/Contacts`, ...), which need only the
 * `IntercomClient` service, so a bundler keeps just the methods a program calls.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import type * as Config from "effect/Config"
import type * as ConfigError from "effect/ConfigError"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Surface from "./generated/Surface.js"
import * as IntercomClient from "./IntercomClient.js"

/**
 * The shape of the service: namespaces of methods, as in the official SDKs.
 *
 * @since 0.1.0
 * @category models
 */
export interface IntercomShape extends Surface.IntercomShape {}

/**
 * @since 0.1.0
 * @category tags
 */
export class Intercom extends Context.Tag("@effect-intercom/client/Intercom")<Intercom, IntercomShape>() {}

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
 * The `Intercom` service from an existing `IntercomClient` layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromClient: Layer.Layer<Intercom, never, IntercomClient.IntercomClient> = Layer.effect(
  Intercom,
  make
)

/**
 * The `Intercom` service and the `IntercomClient` it runs on, from options.
 * Provide an `HttpClient` (`NodeHttpClient.layerUndici` on Node,
 * `FetchHttpClient.layer` elsewhere, or a mock in tests).
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * import * as Redacted from "effect/Redacted"
 *
 * const program = Effect.gen(function* () {
 *   const intercom = yield* Intercom.Intercom
 *   const me = yield* intercom.admins.identify()
 *   const contact = yield* intercom.contacts.find({ contact_id: "6329bd9ffe4e2e91dac76188" })
 *   return [me.email, contact.email]
 * })
 *
 * const IntercomLive = Intercom.layer({ token: Redacted.make("dG9rOmFiYw==") }).pipe(
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
 * `INTERCOM_VERSION`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: Config.Config.Wrap<IntercomClient.Options> = IntercomClient.defaultConfig
): Layer.Layer<Intercom | IntercomClient.IntercomClient, ConfigError.ConfigError, HttpClient.HttpClient> =>
  Layer.provideMerge(layerFromClient, IntercomClient.layerConfig(config))
