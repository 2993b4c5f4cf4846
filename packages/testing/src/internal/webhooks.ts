/**
 * Delivering webhooks: the notifications the routes emit (`Store.emit`) are
 * wrapped in Intercom's envelope, signed with `Webhooks.sign` and POSTed to
 * the configured URL, each in a fiber of its own, forked in the fake's scope
 * after the request that caused it; the outcome of each is recorded.
 */
import * as Webhooks from "@effect-intercom/client/Webhooks"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as Cause from "effect/Cause"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import * as TestServices from "effect/TestServices"
import type { WebhookDelivery, WebhookOptions } from "../FakeIntercom.js"

const DEFAULT_TIMEOUT = Duration.seconds(5)
const MAX_DELIVERIES = 10_000

/** A notification a route emitted, waiting to be delivered. */
export interface Pending {
  readonly topic: string
  /** The item, as the fake answers it (already through JSON). */
  readonly item: unknown
}

export class Deliverer {
  readonly deliveries: Array<WebhookDelivery> = []
  private readonly pending: Array<Pending> = []
  private readonly topics: ReadonlySet<string> | undefined
  private counter = 0

  constructor(readonly options: WebhookOptions, readonly appId: string) {
    this.topics = options.topics === undefined ? undefined : new Set(options.topics)
  }

  /** Queue a notification of a state change (dropped when its topic is filtered out). */
  emit(topic: string, item: unknown): void {
    if (this.topics !== undefined && !this.topics.has(topic)) return
    this.pending.push({ topic, item: JSON.parse(JSON.stringify(item)) })
  }

  private record(delivery: WebhookDelivery): void {
    if (this.deliveries.length >= MAX_DELIVERIES) this.deliveries.shift()
    this.deliveries.push(delivery)
  }

  /**
   * Fork a delivery of each queued notification in `scope`, created at `now`
   * (Unix seconds); never fails, never waits for them.
   */
  flush(scope: Scope.Scope, now: number): Effect.Effect<void> {
    return Effect.suspend(() => {
      if (this.pending.length === 0) return Effect.void
      const batch = this.pending.splice(0, this.pending.length)
      return Effect.forEach(batch, (pending) => Effect.forkIn(this.deliver(pending, now), scope), { discard: true })
    })
  }

  private deliver(pending: Pending, createdAt: number): Effect.Effect<void> {
    const id = `notif_${++this.counter}`
    const body = JSON.stringify({
      type: "notification_event",
      app_id: this.appId,
      id,
      topic: pending.topic,
      created_at: createdAt,
      first_sent_at: createdAt,
      delivery_attempts: 1,
      data: { type: "notification_event_data", item: pending.item }
    })
    const url = this.options.url
    const post = Effect.gen(this, function*() {
      const signature = yield* Webhooks.sign(body, this.options.secret)
      const client = yield* HttpClient.HttpClient
      const response = yield* client.execute(
        HttpClientRequest.post(url).pipe(
          HttpClientRequest.bodyText(body, "application/json"),
          HttpClientRequest.setHeader("X-Hub-Signature", signature)
        )
      )
      yield* Effect.orElse(response.text, () => Effect.succeed(""))
      return response.status
    }).pipe(Effect.scoped)
    const provided = this.options.httpClient === undefined
      ? Effect.provide(post, FetchHttpClient.layer)
      : Effect.provideService(post, HttpClient.HttpClient, this.options.httpClient)
    const timeout = this.options.timeout ?? DEFAULT_TIMEOUT
    // The wait is bounded in real time: under a `TestClock` the timeout still fires.
    const bounded = TestServices.provideWithLive(
      provided,
      Effect.timeoutFail({
        duration: timeout,
        onTimeout: () => `no answer within ${Duration.format(Duration.decode(timeout))}`
      })
    )
    return bounded.pipe(
      Effect.matchCause({
        onSuccess: (status) => this.record({ id, topic: pending.topic, url, status, error: undefined }),
        onFailure: (cause) =>
          this.record({
            id,
            topic: pending.topic,
            url,
            status: undefined,
            error: Cause.isInterruptedOnly(cause) ? "interrupted" : errorMessage(cause)
          })
      })
    )
  }
}

const errorMessage = (cause: Cause.Cause<unknown>): string => {
  const failure = Cause.failureOption(cause)
  if (failure._tag === "Some") {
    const error = failure.value
    if (typeof error === "string") return error
    if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") {
      return error.message
    }
  }
  return Cause.pretty(cause)
}
