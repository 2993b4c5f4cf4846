/**
 * The client's metrics (`effect/Metric`), and their variants tagged with one
 * operation, built once per operation descriptor and cached, so recording is
 * a call into a metric hook: no tag arrays, no metric keys, no lookups in the
 * registry per call.
 *
 * `Metric.tagged` would not do: its variant unions the tags on every update
 * (a new array, a new key looked up in the registry each time). A variant
 * here is `Metric.fromMetricKey` over a key that already carries the tags,
 * which keeps its hook after the first update.
 */
import * as Metric from "effect/Metric"
import * as MetricBoundaries from "effect/MetricBoundaries"
import * as MetricKey from "effect/MetricKey"
import * as MetricLabel from "effect/MetricLabel"
import type { Operation } from "../Operation.js"

type CounterKey = MetricKey.MetricKey.Counter<number>
type HistogramKey = MetricKey.MetricKey.Histogram
/** @internal */
export type Counter = Metric.Metric.Counter<number>
/** @internal */
export type Histogram = Metric.Metric.Histogram<number>

const requestsKey: CounterKey = MetricKey.counter("intercom.requests", {
  description: "Intercom calls, by operation and outcome (success, or the tag of the error the call failed with)",
  incremental: true
})
const retriesKey: CounterKey = MetricKey.counter("intercom.retries", {
  description: "Retries of Intercom calls, by operation and reason (the tag of the error that caused the retry)",
  incremental: true
})
const rateLimitedKey: CounterKey = MetricKey.counter("intercom.rate_limited", {
  description: "429 responses received from Intercom, by operation",
  incremental: true
})
const durationKey: HistogramKey = MetricKey.histogram(
  "intercom.request.duration_ms",
  MetricBoundaries.fromIterable([5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000]),
  "Duration of Intercom calls in milliseconds (retries and rate-limit waits included), by operation"
)
const waitKey: HistogramKey = MetricKey.histogram(
  "intercom.rate_limit.wait_ms",
  MetricBoundaries.fromIterable([10, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000]),
  "Time Intercom calls were held by the client-side rate limiter in milliseconds, by operation and reason"
)

/** @internal */
export const requests: Counter = Metric.fromMetricKey(requestsKey)
/** @internal */
export const retries: Counter = Metric.fromMetricKey(retriesKey)
/** @internal */
export const rateLimited: Counter = Metric.fromMetricKey(rateLimitedKey)
/** @internal */
export const duration: Histogram = Metric.fromMetricKey(durationKey)
/** @internal */
export const rateLimitWait: Histogram = Metric.fromMetricKey(waitKey)

const tagged = <K extends MetricKey.MetricKey<any>>(key: K, tags: Record<string, string>): K =>
  MetricKey.taggedWithLabels(
    key,
    Object.entries(tags).map(([k, v]) => MetricLabel.make(k, v))
  ) as K

/**
 * The metrics of one operation: `success` and `duration` are ready; the
 * variants keyed by an error tag or a reason are made on first use.
 *
 * @internal
 */
export class OperationMetrics {
  readonly success: Counter
  readonly duration: Histogram
  readonly rateLimited: Counter
  private readonly outcomes = new Map<string, Counter>()
  private readonly retries = new Map<string, Counter>()
  private readonly waits = new Map<string, Histogram>()
  constructor(readonly operation: string) {
    this.success = Metric.fromMetricKey(tagged(requestsKey, { operation, outcome: "success" }))
    this.duration = Metric.fromMetricKey(tagged(durationKey, { operation }))
    this.rateLimited = Metric.fromMetricKey(tagged(rateLimitedKey, { operation }))
  }
  outcome(outcome: string): Counter {
    let metric = this.outcomes.get(outcome)
    if (metric === undefined) {
      metric = Metric.fromMetricKey(tagged(requestsKey, { operation: this.operation, outcome }))
      this.outcomes.set(outcome, metric)
    }
    return metric
  }
  retry(reason: string): Counter {
    let metric = this.retries.get(reason)
    if (metric === undefined) {
      metric = Metric.fromMetricKey(tagged(retriesKey, { operation: this.operation, reason }))
      this.retries.set(reason, metric)
    }
    return metric
  }
  wait(reason: string): Histogram {
    let metric = this.waits.get(reason)
    if (metric === undefined) {
      metric = Metric.fromMetricKey(tagged(waitKey, { operation: this.operation, reason }))
      this.waits.set(reason, metric)
    }
    return metric
  }
}

const byOperation = new WeakMap<Operation<any, any, any>, OperationMetrics>()

/** @internal */
export const forOperation = (op: Operation<any, any, any>): OperationMetrics => {
  let metrics = byOperation.get(op)
  if (metrics === undefined) {
    metrics = new OperationMetrics(op.name)
    byOperation.set(op, metrics)
  }
  return metrics
}
