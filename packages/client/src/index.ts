/**
 * Effect-native client for the Intercom REST API.
 *
 * - `Download`: what to do with a download's bytes (`gunzip`).
 * - `Identity`: identity verification for the Messenger (`userHash`, `messengerJwt`).
 * - `Intercom`: the service with every method of the official SDKs, by namespace.
 * - `IntercomClient`: the core service (auth, region, version, per-call overrides).
 * - `IntercomError`: the typed errors.
 * - `IntercomMetrics`: the client's metrics (`effect/Metric`): calls, retries, 429s, latency, rate-limit waits.
 * - `OAuth`: OAuth for public apps (authorize URL, state, code exchange, per-workspace tokens).
 * - `Operation`: the operation descriptors the methods are made of.
 * - `Pagination`: streams over paginated operations.
 * - `Retry`: the retry policy.
 * - `RateLimit`: client-side rate limiting (in-process; `@effect-intercom/client/RedisRateLimit`
 *   shares one budget among processes, with optional peer dependencies).
 * - `Search`: typed, checked search queries for contacts, conversations and tickets.
 * - `Webhooks`: receiving webhooks (verify `X-Hub-Signature`, decode notifications by topic, an `HttpApp`).
 *
 * Resource modules with the same operations as plain functions:
 * `@effect-intercom/client/stable/<Group>` and `@effect-intercom/client/unstable/<Group>`;
 * schemas: `@effect-intercom/client/stable/Schemas` and `.../unstable/Schemas`.
 *
 * @since 0.1.0
 */

/**
 * @since 0.1.0
 */
export * as Download from "./Download.js"

/**
 * @since 0.1.0
 */
export * as Identity from "./Identity.js"

/**
 * @since 0.1.0
 */
export * as Intercom from "./Intercom.js"

/**
 * @since 0.1.0
 */
export * as IntercomClient from "./IntercomClient.js"

/**
 * @since 0.1.0
 */
export * as IntercomError from "./IntercomError.js"

/**
 * @since 0.1.0
 */
export * as IntercomMetrics from "./IntercomMetrics.js"

/**
 * @since 0.1.0
 */
export * as OAuth from "./OAuth.js"

/**
 * @since 0.1.0
 */
export * as Operation from "./Operation.js"

/**
 * @since 0.1.0
 */
export * as Pagination from "./Pagination.js"

/**
 * @since 0.1.0
 */
export * as RateLimit from "./RateLimit.js"

/**
 * @since 0.1.0
 */
export * as Retry from "./Retry.js"

/**
 * @since 0.1.0
 */
export * as Search from "./Search.js"

/**
 * @since 0.1.0
 */
export * as Webhooks from "./Webhooks.js"
