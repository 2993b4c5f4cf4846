/**
 * The one interpreter behind `Operation.execute`: the service that runs a
 * descriptor with an input (request building in `request.ts`, the attempt
 * and retries in `run.ts`, response reading in `response.ts`, the span in
 * `tracing.ts`, what a call reports in `observe.ts` and `metrics.ts`).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Inspectable from "effect/Inspectable"
import * as Redacted from "effect/Redacted"
import type * as IntercomClient from "../IntercomClient.js"
import type { CommonError, Operation } from "../Operation.js"
import { currentCallOptions } from "./callOptions.js"
import { run } from "./run.js"
import { defaultTracer, operationSpanOptionsFor, spanName, withoutClientSpans } from "./tracing.js"

const formatTimeout = (timeout: Duration.Duration | undefined): string =>
  timeout === undefined ? "none" : Duration.format(timeout)

class ServiceImpl extends Inspectable.Class implements IntercomClient.IntercomClient.Service {
  /** For users of `service.httpClient`: trace headers only when `propagateTraces`. */
  readonly httpClient: HttpClient.HttpClient
  constructor(
    readonly config: IntercomClient.ResolvedConfig,
    /** What calls are sent with: no per-call wrapper (the spans and trace headers are ours, see `tracing.ts`). */
    private readonly client: HttpClient.HttpClient,
    private readonly tracing: { readonly propagate: boolean }
  ) {
    super()
    this.httpClient = HttpClient.withTracerPropagation(client, tracing.propagate)
  }
  readonly execute = <I, A, E>(op: Operation<I, A, E>, input: I): Effect.Effect<A, E | CommonError> =>
    Effect.withFiberRuntime((fiber) => {
      const call = fiber.getFiberRef(currentCallOptions)
      // With no tracer installed (Effect's default one), spans would only cost: skip ours and the HTTP client's.
      if (fiber.currentTracer === defaultTracer() || !fiber.getFiberRef(FiberRef.currentTracerEnabled)) {
        return Effect.withTracerEnabled(run(this.client, this.config, op, input, call, fiber, undefined, false), false)
      }
      // The HTTP client's span would end with the token in its exit: each attempt gets our HTTP span instead.
      // `run` gets the span for its events (retries, waits) and last attributes (attempts, status, request id).
      return Effect.useSpan(spanName(op), operationSpanOptionsFor(op), (span) =>
        Effect.withParentSpan(
          withoutClientSpans(run(this.client, this.config, op, input, call, fiber, span, this.tracing.propagate)),
          span
        ))
    }) as Effect.Effect<any, any>

  toJSON(): unknown {
    return {
      _id: "@effect-intercom/client/IntercomClient",
      config: {
        baseUrl: this.config.baseUrl,
        region: this.config.region,
        version: this.config.version,
        timeout: formatTimeout(this.config.timeout),
        idleTimeout: formatTimeout(this.config.idleTimeout),
        // a token given as a plain string (which no call sends) is not shown either
        token: this.config.token === undefined || Redacted.isRedacted(this.config.token)
          ? this.config.token
          : "<redacted>"
      }
    }
  }
}

/** @internal */
export const makeService = (
  httpClient: HttpClient.HttpClient,
  config: IntercomClient.ResolvedConfig,
  propagateTraces: boolean
): IntercomClient.IntercomClient.Service => new ServiceImpl(config, httpClient, { propagate: propagateTraces })

// The same key as the `IntercomClient` tag: the service is looked up by key,
// and importing the public module here would make an import cycle.
const tag = Context.GenericTag<IntercomClient.IntercomClient, IntercomClient.IntercomClient.Service>(
  "@effect-intercom/client/IntercomClient"
)

/** @internal */
export const execute = <I, A, E>(
  operation: Operation<I, A, E>,
  input: I
): Effect.Effect<A, E | CommonError, IntercomClient.IntercomClient> =>
  Effect.flatMap(tag, (client) => client.execute(operation, input))
