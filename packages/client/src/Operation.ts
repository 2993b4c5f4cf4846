/**
 * Operation descriptors: the data the generator emits for each Intercom
 * method, and the one function that turns a descriptor into a callable
 * Effect. There is no per-method hand-written code: every method of the
 * client is `Operation.execute(descriptor, input)`.
 *
 * @since 0.1.0
 */
import type * as HttpClientError from "@effect/platform/HttpClientError"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import type * as Stream from "effect/Stream"
import type * as IntercomClient from "./IntercomClient.js"
import type * as IntercomError from "./IntercomError.js"
import { compile } from "./internal/compiled.js"
import * as input_ from "./internal/input.js"
import * as internal from "./internal/interpreter.js"

/**
 * @since 0.1.0
 * @category type ids
 */
export const TypeId: unique symbol = Symbol.for("@effect-intercom/client/Operation")

/**
 * @since 0.1.0
 * @category type ids
 */
export type TypeId = typeof TypeId

/**
 * Which API description an operation comes from. `unstable` operations send
 * `Intercom-Version: Unstable`.
 *
 * @since 0.1.0
 * @category models
 */
export type Api = "stable" | "unstable"

/**
 * @since 0.1.0
 * @category models
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/**
 * How the success body is read:
 * - `json`: decoded with the operation's success schema;
 * - `empty`: the body is ignored, the result is `void`;
 * - `binary`: a lazy byte `Stream` (never buffered whole);
 * - `text`: the body as a string;
 * - `redirect`: the `Location` header of a 3xx (never followed).
 *
 * @since 0.1.0
 * @category models
 */
export type ResponseKind = "json" | "empty" | "binary" | "text" | "redirect"

/**
 * Where the body of a request comes from:
 * - `none`: no body;
 * - `fields`: every input key that is not a path or query parameter;
 * - `value`: the input's `body` key (for bodies that are not objects).
 *
 * @since 0.1.0
 * @category models
 */
export type BodyKind = "none" | "fields" | "value"

/**
 * Pagination data of an operation whose responses are paginated.
 *
 * - `cursor`: query `per_page` / `starting_after`, next cursor at `pages.next.starting_after`;
 * - `page`: query `page` / `per_page`, `pages.page` and `pages.total_pages`;
 * - `search`: body `pagination.per_page` / `pagination.starting_after`;
 * - `scroll`: query `scroll_param`, next value at `scroll_param`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Pagination {
  readonly kind: "cursor" | "page" | "search" | "scroll"
  /** The response field holding the items of a page. */
  readonly items: string
}

/**
 * The descriptor of one Intercom method.
 *
 * @since 0.1.0
 * @category models
 */
export interface Operation<in out I, out A, out E> {
  readonly [TypeId]: {
    readonly _I: (_: I) => I
    readonly _A: (_: never) => A
    readonly _E: (_: never) => E
  }
  /** The SDK name, camelCase, for example `contacts.find` or `unstable.contacts.listContacts`. */
  readonly name: string
  /** The spec's `operationId` (absent on a few Preview operations). */
  readonly operationId: string | undefined
  readonly api: Api
  /**
   * The API version whose description the descriptor (its input, success and
   * error types) was generated from, when it is a later version than 2.14
   * (`"2.15"`, `"2.16"`): the request always sends it as `Intercom-Version`,
   * whatever `IntercomClient.withVersion` or the layer's `version` say, so the
   * header and the types never disagree (as `unstable` descriptors always send
   * `Unstable`), and its responses are decoded `strict` by default (they are
   * checked with that version's own schemas). Absent on the 2.14 and Preview
   * descriptors: a 2.14 descriptor sends the pinned version.
   */
  readonly version?: string | undefined
  readonly method: HttpMethod
  /** The path template, for example `/contacts/{contact_id}`. */
  readonly path: string
  readonly pathParams: ReadonlyArray<string>
  readonly queryParams: ReadonlyArray<string>
  readonly body: BodyKind
  /** Validates (and encodes) the whole input object before anything is sent. */
  readonly input: Schema.Schema<I, any>
  /** The success schema of a `json` operation. */
  readonly success: Schema.Schema<any, any> | undefined
  readonly response: ResponseKind
  /**
   * The HTTP error statuses that get their own error class for this
   * operation: those its spec documents, plus those the API answers wherever
   * they apply (404 when the path names a resource, 400 when there are
   * parameters, 422 when there is a body). 401, 403, 429 and 5xx always do.
   */
  readonly errors: ReadonlyArray<number>
  readonly pagination: Pagination | undefined
  /**
   * Whether sending the request twice is harmless (GET, PUT, DELETE, and the
   * POSTs that only read: searches and listings). The retry policy retries a
   * non-idempotent request only after failures that prove it was not processed.
   */
  readonly idempotent: boolean
  /**
   * The constants the client fills in: a required body property that allows
   * one value, left out of the input (`sync_behavior: "api"`). Each is a path
   * into the input (`"[]"`: every item of an array) and the value sent there
   * when the input leaves it out.
   */
  readonly fill?: ReadonlyArray<readonly [path: ReadonlyArray<string>, value: unknown]> | undefined
  /** Headers the spec declares with one value (`accept: application/octet-stream`), lower-case. */
  readonly headers?: Readonly<Record<string, string>> | undefined
  /**
   * Whether the input may also hold the body under `body`, beside the path
   * parameters, as the official SDK takes it (`normalizeInput`).
   */
  readonly bodyWrapper?: boolean | undefined
}

/**
 * The errors every operation can fail with, whatever its spec documents:
 * bad input, authentication and permission, rate limits, server errors,
 * statuses nobody documented, undecodable bodies, time-outs and transport
 * failures.
 *
 * @since 0.1.0
 * @category models
 */
export type CommonError =
  | IntercomError.InvalidInputError
  | IntercomError.UnauthorizedError
  | IntercomError.ForbiddenError
  | IntercomError.ConflictError
  | IntercomError.RateLimitError
  | IntercomError.ServerError
  | IntercomError.UnexpectedStatusError
  | IntercomError.ResponseDecodeError
  | IntercomError.TimeoutError
  | HttpClientError.HttpClientError

/**
 * A byte stream of a `binary` download.
 *
 * @since 0.1.0
 * @category models
 */
export type ByteStream = Stream.Stream<Uint8Array, HttpClientError.ResponseError | IntercomError.TimeoutError>

/**
 * Build a descriptor. Used by the generated code.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <I, A, E = never>(
  options: Omit<Operation<I, A, E>, TypeId>
): Operation<I, A, E> => options as Operation<I, A, E>

/**
 * The input schema of an operation whose body fields sit beside its path and
 * query parameters: `Schema.extend` of the two. The body's schema may be lazy
 * (every generated component schema is a `Schema.suspend`); its outer
 * structure is forced here, which is why callers wrap this in a
 * `Schema.suspend` of their own. Used by the generated code.
 *
 * @since 0.1.0
 * @category constructors
 */
export const extendInput = <A, B>(
  params: Schema.Schema<A>,
  body: Schema.Schema<B>
): Schema.Schema<A & B> => Schema.extend(params, Schema.make<B>(unsuspend(body.ast))) as Schema.Schema<A & B>

/** `Schema.extend` needs structs, unions and refinements, not suspends: force them, at the top and in unions. */
const unsuspend = (ast: SchemaAST.AST): SchemaAST.AST => {
  switch (ast._tag) {
    case "Suspend":
      return unsuspend(ast.f())
    case "Union":
      return SchemaAST.Union.make(ast.types.map(unsuspend), ast.annotations)
    default:
      return ast
  }
}

/**
 * Run an operation: validate the input, build the request, send it with the
 * `IntercomClient` in context, and decode the response.
 *
 * @since 0.1.0
 * @category execution
 */
export const execute: <I, A, E>(
  operation: Operation<I, A, E>,
  input: I
) => Effect.Effect<A, E | CommonError, IntercomClient.IntercomClient> = internal.execute

/**
 * An input as the operation sends it: in the official SDK's shape
 * (`{ company_id, body: { name } }`, where `bodyWrapper`) taken apart into
 * flat fields, and with the constants of `fill` where it leaves them out.
 * `IntercomMock` hands this to a mocked method, so a mock sees one shape
 * whichever the caller used. Fields given both flat and under `body` are an
 * `InvalidInputError`.
 *
 * @since 0.1.0
 * @category execution
 */
export const normalizeInput = <I>(
  operation: Operation<I, any, any>,
  input: unknown
): Either.Either<I, IntercomError.InvalidInputError> => {
  const flat = input_.flatten(operation, compile(operation).notBody, input)
  return "wrapped" in flat ? Either.right(input_.fillConstants(operation, flat.input) as I) : Either.left(flat)
}
