/**
 * See what the client does: the spans and metrics of a few calls against the
 * in-process fake Intercom, exported with the OpenTelemetry SDK through
 * `@effect/opentelemetry`, and printed.
 *
 *   pnpm --filter @effect-intercom/examples opentelemetry
 *
 * The calls: an identify; a listing answered first with a 503 (retried after
 * its back-off: an `intercom.retry` event); an identify answered first with a
 * 429 (retried once the rate-limit window resets); then contacts read one by
 * one under a tight window of 4 requests a second, which the client's rate
 * limiter holds back instead of collecting 429s (`intercom.rate_limit.wait`
 * events). Each call is one `Intercom.<method>` span with its attempts as
 * `http.client GET` spans inside; the metrics are `IntercomMetrics`'.
 *
 * Spans go to an `InMemorySpanExporter` and metrics to a `MetricReader` so
 * they can be printed compactly; for a collector, use the OTLP exporters (or
 * `ConsoleSpanExporter` / `ConsoleMetricExporter`) in the same places.
 */
import * as Intercom from "@effect-intercom/client/Intercom"
import * as Retry from "@effect-intercom/client/Retry"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import * as NodeSdk from "@effect/opentelemetry/NodeSdk"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { type CollectionResult, MetricReader } from "@opentelemetry/sdk-metrics"
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { isMain } from "./support/Example.js"

/** A metric reader that collects when asked (the SDK's push readers export on a timer). */
class OnDemandReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve()
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve()
  }
}

/** The OpenTelemetry SDK, with where it puts spans and metrics. */
export const telemetry = () => {
  const spans = new InMemorySpanExporter()
  const metrics = new OnDemandReader()
  const layer = NodeSdk.layer(() => ({
    resource: { serviceName: "intercom-example" },
    spanProcessor: new SimpleSpanProcessor(spans),
    metricReader: metrics
  }))
  return { spans, metrics, layer }
}

/** The calls. */
export const program = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  const fake = yield* FakeIntercom.FakeIntercom

  yield* intercom.admins.identify()

  yield* fake.failNext(1, 503)
  const page = yield* intercom.contacts.list({ per_page: 8 })

  yield* fake.failNext(1, 429)
  yield* intercom.admins.identify()

  for (const contact of page.data ?? []) yield* intercom.contacts.find({ contact_id: contact.id! })
})

const ms = (time: readonly [number, number]) => time[0] * 1e3 + time[1] / 1e6

const show = (attributes: Record<string, unknown>, keys?: ReadonlyArray<string>) =>
  (keys ?? Object.keys(attributes))
    .filter((key) => attributes[key] !== undefined)
    .map((key) => `${key}=${String(attributes[key])}`)
    .join(" ")

const spanLines = (spans: ReadonlyArray<ReadableSpan>): Array<string> => {
  const lines: Array<string> = []
  const byParent = new Map<string, number>()
  for (const span of spans) {
    const parent = span.parentSpanContext?.spanId
    if (parent !== undefined) byParent.set(parent, (byParent.get(parent) ?? 0) + 1)
  }
  for (const span of spans) {
    if (!span.name.startsWith("Intercom.")) continue
    const attempts = byParent.get(span.spanContext().spanId) ?? 0
    lines.push(
      `  ${span.name} ${ms(span.duration).toFixed(0)} ms, ${attempts} http.client span(s): ${
        show(span.attributes, ["intercom.attempts", "http.response.status_code", "intercom.request_id"])
      }`
    )
    for (const event of span.events) lines.push(`    event ${event.name}: ${show(event.attributes ?? {})}`)
  }
  return lines
}

const metricLines = ({ resourceMetrics }: CollectionResult): Array<string> => {
  const lines: Array<string> = []
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) {
      if (!metric.descriptor.name.startsWith("intercom.")) continue
      for (const point of metric.dataPoints) {
        const value = point.value as number | { readonly count: number; readonly sum?: number }
        lines.push(
          `  ${metric.descriptor.name} {${show(point.attributes)}} ${
            typeof value === "number" ? value : `count=${value.count} sum=${(value.sum ?? 0).toFixed(0)}`
          }`
        )
      }
    }
  }
  return lines
}

/** Run the calls with the SDK installed, then print what it received. */
export const main = Effect.gen(function*() {
  const otel = telemetry()
  yield* Effect.gen(function*() {
    yield* program
    yield* Console.log("Spans (the operation spans; the http.client spans are their attempts):")
    for (const line of spanLines(otel.spans.getFinishedSpans())) yield* Console.log(line)
    const collected = yield* Effect.promise(() => otel.metrics.collect())
    yield* Console.log("\nMetrics (IntercomMetrics, through the SDK's metric reader):")
    for (const line of metricLines(collected)) yield* Console.log(line)
  }).pipe(Effect.provide(otel.layer))
})

/** The fake, with a window of 4 requests a second and 429s retried soon after the reset. */
export const fake = FakeIntercom.layerIntercom({
  seed: FakeIntercom.smallSeed,
  rateLimit: { limit: 4, windowMillis: 1000 },
  clientOptions: { retry: Retry.policy({ rateLimitJitter: "100 millis" }) }
})

if (isMain(import.meta.url)) {
  main.pipe(Effect.provide(Layer.orDie(fake)), NodeRuntime.runMain)
}
