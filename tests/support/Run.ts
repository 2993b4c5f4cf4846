/**
 * Run operations against a mock `HttpClient`.
 */
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as IntercomClient from "../../packages/client/src/IntercomClient.js"
import * as Operation from "../../packages/client/src/Operation.js"
import * as MockHttp from "./MockHttp.js"

export const TOKEN = "tok_test_secret_abc123"

export const clientLayer = (mock: MockHttp.MockHttp) =>
  IntercomClient.layer({ token: Redacted.make(TOKEN), retry: false }).pipe(Layer.provide(mock.layer))

/** Run one operation against one canned response; returns the exit and the requests seen. */
export const runOnce = <I, A, E>(
  operation: Operation.Operation<I, A, E>,
  input: I,
  response: () => Response
) => {
  const mock = MockHttp.make(() => response())
  return Operation.execute(operation, input).pipe(
    Effect.provide(clientLayer(mock)),
    Effect.exit,
    Effect.map((exit) => ({ exit, requests: mock.requests }))
  )
}

export const isFailure = Exit.isFailure
