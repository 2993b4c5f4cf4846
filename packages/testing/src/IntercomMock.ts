/**
 * Mock layers of the `Intercom` service, for testing programs that use it
 * without HTTP: give the methods a test needs, as functions returning
 * Effects, and every other method dies when called.
 *
 * ```ts
 * import { Intercom } from "@effect-intercom/client"
 * import * as IntercomMock from "@effect-intercom/testing/IntercomMock"
 * import { Effect } from "effect"
 *
 * const emailOf = (id: string) =>
 *   Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: id })).pipe(
 *     Effect.map((contact) => contact.email)
 *   )
 *
 * const TestIntercom = IntercomMock.layerTest({
 *   contacts: {
 *     find: ({ contact_id }) => Effect.succeed({ type: "contact", id: String(contact_id), email: "ada@example.com" })
 *   }
 * })
 *
 * emailOf("1").pipe(Effect.provide(TestIntercom)) // Effect<string | null | undefined>
 * ```
 *
 * A method that is not given dies with a `MethodNotMockedError` naming it
 * (`contacts.update was not given to this mock`): a defect, not a typed
 * failure, because it is a mistake in the test's set-up, not an outcome the
 * program should handle. That is what `Layer.mock` of `effect` does too.
 *
 * The layer provides both `Intercom` and `IntercomClient`, so the plain
 * functions of the resource modules (`Contacts.find`) answer from the same
 * mock. Streams page through the mock too: give `contacts.list` and
 * `contacts.listStream` walks the pages it returns (or give `listStream`
 * itself). The mock has no retry policy and no rate limiter.
 *
 * A mocked method fails as the client would with the constructors of
 * `IntercomError`: `Effect.fail(IntercomError.notFound({ operation: "contacts.find" }))`.
 * The mock fills in the method and path of an error made from the
 * operation's name alone (from the operation's descriptor), so the error is
 * the one a real 404 gives.
 *
 * Each API version has its mock: `layerTest` (and `make`) for the 2.14
 * `Intercom`, `layerTest2_15` and `layerTest2_16` for `Intercom_2_15` and
 * `Intercom_2_16`, each typed with its version's shape (the Preview under
 * `unstable` in each).
 *
 * @since 0.1.0
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as Intercom_2_15 from "@effect-intercom/client/Intercom_2_15"
import * as Intercom_2_16 from "@effect-intercom/client/Intercom_2_16"
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as IntercomError from "@effect-intercom/client/IntercomError"
import * as Operation from "@effect-intercom/client/Operation"
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"

/**
 * The defect of a call to a method the mock was not given.
 *
 * @since 0.1.0
 * @category errors
 */
export class MethodNotMockedError extends Data.TaggedError("MethodNotMockedError")<{
  /** The SDK name of the method, for example `contacts.find`. */
  readonly method: string
}> {
  /**
   * @since 0.1.0
   */
  override get message(): string {
    return `IntercomMock: ${this.method} was not given to this mock; give it to IntercomMock.layerTest`
  }
}

/**
 * A deep-partial implementation of a service shape: namespaces are optional
 * objects, methods optional functions of the same type as the real ones.
 *
 * @since 0.1.0
 * @category models
 */
export type Implementation<S> = {
  readonly [K in keyof S]?: S[K] extends (...args: any) => any ? S[K] : Implementation<S[K]>
}

/**
 * The part of the `Intercom` service a test gives.
 *
 * @since 0.1.0
 * @category models
 */
export type IntercomImplementation = Implementation<Intercom.IntercomShape>

/**
 * The part of the 2.15 `Intercom_2_15` service a test gives.
 *
 * @since 0.1.0
 * @category models
 */
export type IntercomImplementation2_15 = Implementation<Intercom_2_15.IntercomShape>

/**
 * The part of the 2.16 `Intercom_2_16` service a test gives.
 *
 * @since 0.1.0
 * @category models
 */
export type IntercomImplementation2_16 = Implementation<Intercom_2_16.IntercomShape>

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null

const lookup = (implementation: unknown, name: string): ((input: unknown) => unknown) | undefined => {
  let current: unknown = implementation
  for (const key of name.split(".")) {
    if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined
    current = current[key]
  }
  return typeof current === "function" ? (current as (input: unknown) => unknown) : undefined
}

/** Whether `key` is the `…Stream` or `…Pages` variant of a method of the shape. */
const isStreamOf = (shape: Record<string, unknown>, key: string): boolean => {
  const match = /^(.+)(Stream|Pages)$/.exec(key)
  return match !== null && typeof shape[match[1]] === "function"
}

/** Lay the given functions over the shape; a path the shape does not have is a mistake. */
const overlay = (
  shape: Record<string, unknown>,
  implementation: Record<string, unknown>,
  path: string
): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...shape }
  for (const [key, value] of Object.entries(implementation)) {
    const name = path === "" ? key : `${path}.${key}`
    if (value === undefined) continue
    if (!Object.prototype.hasOwnProperty.call(shape, key)) {
      throw new Error(
        `IntercomMock: the Intercom service has no ${typeof value === "function" ? "method" : "namespace"} ${name}`
      )
    }
    const target = shape[key]
    if (typeof value === "function") {
      if (typeof target !== "function") throw new Error(`IntercomMock: ${name} is a namespace, not a method`)
      // A stream given as such is used as it is; a method is called through the client's `execute`
      // (which finds it by name), so it gets the input normalised (`Operation.normalizeInput`).
      out[key] = isStreamOf(shape, key) ? value : target
    } else if (isObject(value) && isObject(target) && typeof target !== "function") {
      out[key] = overlay(target, value, name)
    } else {
      throw new Error(
        `IntercomMock: ${name} must be ${typeof target === "function" ? "a function" : "an object of methods"}`
      )
    }
  }
  return out
}

/**
 * An error made with an `IntercomError` constructor from the operation's name
 * alone (`IntercomError.notFound({ operation: "contacts.find" })`) has an empty
 * method and path: fill them in from the descriptor, so the mock's error is the
 * one the client would give.
 */
const locate = (error: unknown, operation: Operation.Operation<any, any, any>): unknown => {
  if (!IntercomError.isIntercomError(error) || !("method" in error) || !("path" in error)) return error
  if (error.operation !== operation.name || error.method !== "" || error.path !== "") return error
  const ErrorClass = error.constructor as new(props: object, disableValidation?: boolean) => unknown
  return new ErrorClass({ ...error, method: operation.method, path: operation.path }, true)
}

const unreachable = HttpClient.make((request) =>
  Effect.die(
    new Error(`IntercomMock: the mock sends no HTTP requests (${request.method} ${request.url} was attempted)`)
  )
)

const config = IntercomClient.make({
  token: Redacted.make("intercom-mock"),
  baseUrl: "http://intercom-mock.invalid",
  retry: false,
  rateLimiter: false
}).pipe(Effect.map((client) => client.config), Effect.provideService(HttpClient.HttpClient, unreachable))

/**
 * An `IntercomClient` whose `execute` answers from the implementation, by the
 * operation's SDK name, and whose streams page through that `execute`; the
 * methods not given die with `MethodNotMockedError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeClient = (
  implementation: IntercomImplementation | IntercomImplementation2_15 | IntercomImplementation2_16
): Effect.Effect<IntercomClient.IntercomClient.Service> =>
  Effect.map(config, (config) => {
    const client: IntercomClient.IntercomClient.Service = {
      config,
      httpClient: unreachable,
      execute: <I, A, E>(operation: Operation.Operation<I, A, E>, input: I) =>
        Effect.suspend(() => {
          const method = lookup(implementation, operation.name)
          if (method === undefined) return Effect.die(new MethodNotMockedError({ method: operation.name }))
          // One shape for the mock, whichever the caller used (the official SDK's `body` wrapper, constants left out).
          const normalized = Operation.normalizeInput(operation, input)
          if (Either.isLeft(normalized)) return Effect.fail(normalized.left)
          return Effect.mapError(
            method(normalized.right) as Effect.Effect<A, E | Operation.CommonError>,
            (error) => locate(error, operation) as E | Operation.CommonError
          )
        })
    }
    return client
  })

/**
 * Build the `Intercom` service (and the `IntercomClient` under it) from a
 * partial implementation. Dies when the implementation names a method or
 * namespace the service does not have.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  implementation: IntercomImplementation
): Effect.Effect<Context.Context<Intercom.Intercom | IntercomClient.IntercomClient>> =>
  makeWith(Intercom.Intercom, Intercom.make, implementation)

/** The service of `tag`, built by `build` on the mock client, with the given methods laid over it. */
const makeWith = <Id, Shape>(
  tag: Context.Tag<Id, Shape>,
  build: Effect.Effect<Shape, never, IntercomClient.IntercomClient>,
  implementation: Implementation<Shape>
): Effect.Effect<Context.Context<Id | IntercomClient.IntercomClient>> =>
  Effect.gen(function*() {
    const client = yield* makeClient(implementation as IntercomImplementation)
    const shape = yield* build.pipe(Effect.provideService(IntercomClient.IntercomClient, client))
    const intercom = yield* Effect.try({
      try: () => overlay(shape as unknown as Record<string, unknown>, implementation as Record<string, unknown>, ""),
      catch: (error) => error
    }).pipe(Effect.orDie)
    return Context.make(IntercomClient.IntercomClient, client).pipe(Context.add(tag, intercom as unknown as Shape))
  })

/**
 * Like `make`, for the 2.15 service `Intercom_2_15`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make2_15 = (
  implementation: IntercomImplementation2_15
): Effect.Effect<Context.Context<Intercom_2_15.Intercom | IntercomClient.IntercomClient>> =>
  makeWith(Intercom_2_15.Intercom, Intercom_2_15.make, implementation)

/**
 * Like `make`, for the 2.16 service `Intercom_2_16`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make2_16 = (
  implementation: IntercomImplementation2_16
): Effect.Effect<Context.Context<Intercom_2_16.Intercom | IntercomClient.IntercomClient>> =>
  makeWith(Intercom_2_16.Intercom, Intercom_2_16.make, implementation)

/**
 * The `Intercom` and `IntercomClient` services answering from a partial
 * implementation. A method that is not given dies with a
 * `MethodNotMockedError` naming it.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTest = (
  implementation: IntercomImplementation
): Layer.Layer<Intercom.Intercom | IntercomClient.IntercomClient> => Layer.effectContext(make(implementation))

/**
 * Like `layerTest`, for the 2.15 service: `Intercom_2_15` and `IntercomClient`
 * answering from a partial implementation typed with 2.15's shape.
 *
 * @example
 * ```ts
 * import * as Intercom_2_15 from "@effect-intercom/client/Intercom_2_15"
 * import * as IntercomMock from "@effect-intercom/testing/IntercomMock"
 * import { Effect } from "effect"
 *
 * const brands = Effect.flatMap(Intercom_2_15.Intercom, (intercom) => intercom.brands.listBrands())
 *
 * brands.pipe(
 *   Effect.provide(IntercomMock.layerTest2_15({ brands: { listBrands: () => Effect.succeed({ type: "list", data: [] }) } }))
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTest2_15 = (
  implementation: IntercomImplementation2_15
): Layer.Layer<Intercom_2_15.Intercom | IntercomClient.IntercomClient> => Layer.effectContext(make2_15(implementation))

/**
 * Like `layerTest`, for the 2.16 service: `Intercom_2_16` and `IntercomClient`
 * answering from a partial implementation typed with 2.16's shape.
 *
 * @example
 * ```ts
 * import * as Intercom_2_16 from "@effect-intercom/client/Intercom_2_16"
 * import * as IntercomMock from "@effect-intercom/testing/IntercomMock"
 * import { Effect } from "effect"
 *
 * const merge = Effect.flatMap(
 *   Intercom_2_16.Intercom,
 *   (intercom) => intercom.conversations.mergeConversation({ id: "1", merge_into_conversation_id: 2 })
 * )
 *
 * merge.pipe(
 *   Effect.provide(IntercomMock.layerTest2_16({
 *     conversations: { mergeConversation: ({ id }) => Effect.succeed({ type: "conversation", id: String(id) }) }
 *   }))
 * )
 * ```
 *
 * @since 0.1.0
 * @category layers
 */
export const layerTest2_16 = (
  implementation: IntercomImplementation2_16
): Layer.Layer<Intercom_2_16.Intercom | IntercomClient.IntercomClient> => Layer.effectContext(make2_16(implementation))
