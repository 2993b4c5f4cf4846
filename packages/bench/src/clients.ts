/**
 * The three clients under test, behind one small interface so that every
 * scenario runs the same code for each:
 *
 * - `fetch`: raw `fetch` + `JSON.parse`, no decoding, no retries (the floor);
 * - `intercom-client`: the official SDK 7.0.3, default settings;
 * - `effect-intercom`: ours, `Intercom.layer` with `NodeHttpClient.layerUndici`,
 *   default settings (retry policy and adaptive rate limiter on). A batch runs
 *   as one `Effect` (as an Effect program would), through a `ManagedRuntime`.
 *
 * Each client lives in its own module, imported on demand, so that a process
 * measuring one client loads only that client's library.
 */
export type ClientName = "fetch" | "intercom-client" | "effect-intercom"
export const clientNames: ReadonlyArray<ClientName> = ["fetch", "intercom-client", "effect-intercom"]

/** Ours, by default or with a diagnostic variant's options (`client-effect.ts`). */
export type EffectVariant =
  | "effect-intercom"
  | "effect-intercom (no retry, no limiter)"
  | "effect-intercom (timeout: false)"

/**
 * Diagnostic variants: ours with `retry: false, rateLimiter: false` or with
 * `timeout: false` (`src/diagnose.ts` only), and the Effect transport floor
 * (`NodeHttpClient.layerUndici` + `JSON.parse`, no client, no decoding; with
 * hand-written cursor pagination), also an italic diagnostic row of the main
 * tables in S1, S2 and S3.
 */
export type VariantName =
  | ClientName
  | EffectVariant
  | "effect HttpClient + JSON.parse"
  | S3Variant
  | S3Floor

/**
 * S3 only, ours as published (the packed package, `main.ts`): the listing consumed through `Stream.runForEach`, or
 * through `Stream.toAsyncIterable` and `for await` (how code outside Effect, and many scripts, consume it), or through
 * our `Pagination.toAsyncIterable` (a page at a time) and `for await`.
 */
export type S3Variant =
  | "effect-intercom, published (runForEach)"
  | "effect-intercom, published (toAsyncIterable)"
  | "effect-intercom, published (Pagination.toAsyncIterable)"
export const s3Variants: ReadonlyArray<S3Variant> = [
  "effect-intercom, published (runForEach)",
  "effect-intercom, published (toAsyncIterable)",
  "effect-intercom, published (Pagination.toAsyncIterable)"
]

const isS3Variant = (name: VariantName): name is S3Variant => (s3Variants as ReadonlyArray<VariantName>).includes(name)

/**
 * S3 only, the floor of the first two rows above (`client-floor.ts`): the same listing as a `Stream` over the bare
 * `HttpClient` (no client, no decoding), consumed the same two ways, so each row's distance to what Effect's `Stream`
 * and `@effect/platform` cost by themselves is measured in the same run.
 */
export type S3Floor =
  | "floor: effect HttpClient Stream (runForEach)"
  | "floor: effect HttpClient Stream (toAsyncIterable)"
export const s3Floors: ReadonlyArray<S3Floor> = [
  "floor: effect HttpClient Stream (runForEach)",
  "floor: effect HttpClient Stream (toAsyncIterable)"
]

/** The outcome of one call: ok, or failed (after the client's own retries). */
export type Outcome = "ok" | "failed"

export interface Client {
  readonly name: VariantName
  /** `n` sequential `find`s; returns each call's latency in ms. */
  readonly sequential: (n: number) => Promise<Float64Array>
  /** `n` `find`s at `concurrency`; returns the number of failed calls. */
  readonly concurrent: (n: number, concurrency: number) => Promise<number>
  /** Iterate up to `limit` contacts with the client's own pagination; returns the count. */
  readonly iterate: (limit: number, perPage: number) => Promise<number>
  readonly close: () => Promise<void>
}

export const contactId = "6762f0dd1bb69f9f2193bb000001"
export const token = "bench-token"

/** Runs `n` tasks with at most `concurrency` in flight; counts failures. */
export const pool = async (n: number, concurrency: number, task: () => Promise<unknown>): Promise<number> => {
  let next = 0
  let failed = 0
  const worker = async () => {
    while (next < n) {
      next++
      try {
        await task()
      } catch {
        failed++
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker))
  return failed
}

export const check = (contact: { readonly email?: string | null | undefined }) => {
  if (typeof contact.email !== "string") throw new Error("no email")
}

export const makeClient = async (name: VariantName, baseUrl: string): Promise<Client> =>
  name === "fetch"
    ? (await import("./client-fetch.js")).fetchClient(baseUrl)
    : name === "intercom-client"
    ? (await import("./client-official.js")).officialClient(baseUrl)
    : name === "effect HttpClient + JSON.parse"
    ? (await import("./client-transport.js")).effectTransportClient(baseUrl)
    : name === "floor: effect HttpClient Stream (runForEach)" ||
        name === "floor: effect HttpClient Stream (toAsyncIterable)"
    ? (await import("./client-floor.js")).effectTransportStreamClient(baseUrl, name)
    : isS3Variant(name)
    ? (await import("./client-published.js")).publishedClient(baseUrl, name)
    : (await import("./client-effect.js")).effectClient(baseUrl, name)
