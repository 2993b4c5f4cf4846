/**
 * The one interpreter behind `Operation.execute`: the service that runs a
 * descriptor with an input (request building in `request.ts`, the attempt
 * and retries in `run.ts`, response reading in `response.ts`, the span in
 * `tracing.ts`).
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as FiberRef from "effect/FiberRef"
import * as Inspectable from "effect/Inspectable"
import type * as IntercomClient from "../IntercomClient.js"
import type { CommonError, Operation } from "../Operation.js"
import { currentCallOptions } from "./callOptions.js"
import { run } from "./run.js"
import { defaultTracer, spanAttributes, spanName } from "./tracing.js"

class ServiceImpl extends Inspectable.Class implements IntercomClient.IntercomClient.Service {
  constructor(
    readonly config: IntercomClient.ResolvedConfig,
    readonly httpClient: HttpClient.HttpClient
  ) {
    super()
  }
  readonly execute = <I, A, E>(op: Operation<I, A, E>, input: I): Effect.Effect<A, E | CommonError> =>
    Effect.withFiberRuntime((fiber) => {
      const effect = run(this.httpClient, this.config, op, input, fiber.getFiberRef(currentCallOptions))
      // With no tracer installed (Effect's default one), spans would only cost: skip ours and the HTTP client's.
      if (fiber.currentTracer === defaultTracer() || !fiber.getFiberRef(FiberRef.currentTracerEnabled)) {
        return Effect.withTracerEnabled(effect, false)
      }
      return Effect.withSpan(effect, spanName(op), {
        kind: "client",
        captureStackTrace: false,
        attributes: spanAttributes(op)
      })
    }) as Effect.Effect<any, any>

  toJSON(): unknown {
    return {
      _id: "@effect-intercom/client/IntercomClient",
      config: {
        baseUrl: this.config.baseUrl,
        region: this.config.region,
        version: this.config.version,
        timeout: this.config.timeout === undefined ? undefined : Duration.format(this.config.timeout),
        token: this.config.token
      }
    }
  }
}

/** @internal */
export const makeService = (
  httpClient: HttpClient.HttpClient,
  config: IntercomClient.ResolvedConfig
): IntercomClient.IntercomClient.Service => new ServiceImpl(config, httpClient)

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
