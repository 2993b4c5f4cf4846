/**
 * `examples/opentelemetry.ts` against the fake Intercom: the spans and
 * metrics it prints come from the OpenTelemetry SDK (through
 * `@effect/opentelemetry`), with the retry and rate-limit wait events.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as OpenTelemetry from "../../examples/opentelemetry.js"
import { captured } from "./_console.js"

describe("examples", () => {
  it.live(
    "opentelemetry: spans with the retry and wait events, and the metrics, through the SDK",
    () =>
      Effect.gen(function*() {
        const started = Date.now()
        const { lines, output } = yield* captured(OpenTelemetry.main)
        assert.isBelow(Date.now() - started, 15_000, "bounded: the waits are of a 1-second window")

        const spans = lines.filter((line) => line.startsWith("  Intercom."))
        assert.strictEqual(spans.length, 11, output)
        assert.match(
          output,
          /Intercom\.contacts\.list \d+ ms, 2 http\.client span\(s\): intercom\.attempts=2 http\.response\.status_code=200 intercom\.request_id=\S+/
        )
        assert.match(
          output,
          /event intercom\.retry: intercom\.operation=contacts\.list intercom\.attempt=1 intercom\.delay_ms=\d+ error\.type=ServerError http\.response\.status_code=503 intercom\.request_id=\S+/
        )
        assert.match(
          output,
          /event intercom\.retry: intercom\.operation=admins\.identify intercom\.attempt=1 intercom\.delay_ms=\d+ error\.type=RateLimitError http\.response\.status_code=429/
        )
        assert.match(
          output,
          /event intercom\.rate_limit\.wait: intercom\.operation=contacts\.find intercom\.attempt=1 intercom\.delay_ms=\d+ intercom\.rate_limit\.reason=window_spent/
        )

        assert.include(output, "intercom.requests {operation=admins.identify outcome=success} 2")
        assert.include(output, "intercom.requests {operation=contacts.list outcome=success} 1")
        assert.include(output, "intercom.requests {operation=contacts.find outcome=success} 8")
        assert.match(output, /intercom\.request\.duration_ms \{operation=contacts\.find\} count=8 sum=\d+/)
        assert.include(output, "intercom.retries {operation=contacts.list reason=ServerError} 1")
        assert.include(output, "intercom.retries {operation=admins.identify reason=RateLimitError} 1")
        assert.include(output, "intercom.rate_limited {operation=admins.identify} 1")
        assert.match(
          output,
          /intercom\.rate_limit\.wait_ms \{operation=contacts\.find reason=window_spent\} count=[1-9]\d* sum=\d+/
        )
        // the token of the fake is in none of it
        assert.notInclude(output, "fake-intercom-token")
      }).pipe(Effect.provide(OpenTelemetry.fake)),
    { timeout: 30_000 }
  )
})
