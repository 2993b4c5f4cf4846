/**
 * The later API versions on the fake (`Intercom-Version: 2.15` / `2.16`, as
 * `Intercom_2_15` / `Intercom_2_16` send): every operation of both versions
 * is served, on the 2.14 route of its endpoint (the same state), on the
 * Preview-only route of its endpoint, or with the example of its description
 * after the request is validated; the pairing is recomputed here from the
 * client's descriptors, and the README lists the example-served ones.
 *
 * Calls go through the real client of each version, which decodes every
 * success body with that version's own schemas (strict): a tour of the
 * example routes with the descriptions' request examples, every list method
 * of both versions, and a 2.16 program on the state a 2.14 program writes.
 */
import { Intercom } from "@effect-intercom/client"
import * as Intercom_2_15 from "@effect-intercom/client/Intercom_2_15"
import * as Intercom_2_16 from "@effect-intercom/client/Intercom_2_16"
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as fs from "node:fs"
import * as path from "node:path"
import { operations } from "../../../packages/client/src/generated/operations.js"
import { answers } from "../../../packages/testing/src/generated/answers.js"
import * as App from "../../../packages/testing/src/internal/app.js"
import { requestExamples, versionEntries, versionOperations } from "../../support/SpecFixtures.js"
import { isErrorList, layer, raw } from "./_fake.js"

type Version = "2.15" | "2.16"
const VERSIONS: ReadonlyArray<Version> = ["2.15", "2.16"]

const shape = (op: { readonly method: string; readonly path: string }) =>
  `${op.method} ${op.path.replace(/\{[^}]+\}/g, "{}")}`

/** How many of each version's operations each source serves (the README says so too). */
const EXPECTED = {
  "2.15": { total: 162, "2.14 route": 147, "Preview route": 11, "own route": 1, example: 3 },
  "2.16": { total: 231, "2.14 route": 147, "Preview route": 14, "own route": 1, example: 69 }
} as const

const byName = new Map(operations.map((op) => [op.name, op]))
const stableShapes = new Set(FakeIntercom.operations.map((name) => shape(byName.get(name)!)))
const previewOnlyShapes = new Set(
  App.previewRoutes.filter((p) => p.route.operation.api === "unstable").map((p) => shape(p.operation))
)

/** The fake with bodies recorded, and the services of 2.14, 2.15 and 2.16 over one client. */
const fakeLayer = Layer.merge(Intercom_2_15.layerFromClient, Intercom_2_16.layerFromClient).pipe(
  Layer.provideMerge(layer({ recordBodies: true }))
)

/** An input for an operation: each path parameter and required query parameter `1`, and the request example's fields. */
const inputOf = (spec: any, body: Record<string, unknown> | undefined): Record<string, unknown> => ({
  ...(body ?? {}),
  ...Object.fromEntries(
    (spec.parameters ?? [])
      .filter((p: any) => p.in === "path" || (p.in === "query" && p.required === true))
      .map((p: any) => [p.name, "1"])
  )
})

/** Every recorded exchange of a version decodes with its operation's success schema (strict, as the client does). */
const checkExchanges = (version: Version) =>
  Effect.gen(function*() {
    const fake = yield* FakeIntercom.FakeIntercom
    const ops = new Map(versionOperations[version].map((op) => [op.name, op]))
    const problems: Array<string> = []
    let checked = 0
    for (const exchange of yield* fake.exchanges) {
      if (exchange.version !== version) continue
      const op = ops.get(exchange.operation ?? "")
      if (op === undefined) {
        problems.push(`${exchange.method} ${exchange.path}: no ${version} operation ${exchange.operation}`)
        continue
      }
      if (exchange.status >= 300 && op.response !== "redirect") {
        problems.push(`${op.name} ${exchange.status}: ${JSON.stringify(exchange.body)}`)
        continue
      }
      if (op.success === undefined || exchange.body === undefined) continue
      const decoded = ParseResult.decodeUnknownEither(op.success, { onExcessProperty: "preserve" })(exchange.body)
      if (Either.isLeft(decoded)) {
        problems.push(`${op.name}: ${ParseResult.TreeFormatter.formatIssueSync(decoded.left)}`)
      }
      checked++
    }
    return { problems, checked }
  })

describe("FakeIntercom API versions 2.15 and 2.16", () => {
  it("every operation of both versions is served: by the 2.14 route, the Preview route, or its example", () => {
    const readme = fs.readFileSync(path.resolve(__dirname, "../../../packages/testing/README.md"), "utf8")
    for (const version of VERSIONS) {
      const served = App.versionRoutes.filter((route) => route.api === version)
      const all = versionOperations[version]
      assert.strictEqual(all.length, EXPECTED[version].total)
      assert.deepStrictEqual(served.map((route) => route.operation), [...all], `${version}: every operation, once`)
      const counts: Record<string, number> = { "2.14 route": 0, "Preview route": 0, "own route": 0, example: 0 }
      for (const route of served) {
        // the pairing recomputed from the descriptors
        const expected = stableShapes.has(shape(route.operation))
          ? "2.14 route"
          : previewOnlyShapes.has(shape(route.operation))
          ? "Preview route"
          : answers[version][route.operation.name] === undefined
          ? "own route" // a description without an example: the fake has a route for it
          : "example"
        assert.strictEqual(route.source, expected, `${version} ${route.operation.name}`)
        assert.strictEqual(shape(route.route.operation), shape(route.operation), route.operation.name)
        counts[route.source]++
        if (route.source === "example") {
          assert.isDefined(answers[version][route.operation.name], route.operation.name)
          assert.include(readme, `\`${route.operation.name}\``, `the README lists ${route.operation.name}`)
        }
      }
      const { total: _, ...bySource } = EXPECTED[version]
      assert.deepStrictEqual(counts, bySource, version)
    }
  })

  for (const version of VERSIONS) {
    it.effect(`${version}: every example route validates its request and answers its example`, () =>
      Effect.gen(function*() {
        const client = yield* IntercomClient.IntercomClient
        const entries = new Map(versionEntries(version).map((entry) => [entry.name, entry]))
        const examples = App.versionRoutes.filter((route) => route.api === version && route.source === "example")
        const failures: Array<string> = []
        for (const { operation } of examples) {
          const entry = entries.get(operation.name)!
          const input = inputOf(entry.spec, requestExamples(entry)[0]?.value as Record<string, unknown> | undefined)
          const result = yield* Effect.either(client.execute(operation, input as never))
          if (Either.isLeft(result)) failures.push(`${operation.name}: ${result.left.message}`)
          else if (operation.response === "json") {
            assert.deepStrictEqual(result.right, answers[version][operation.name].body, operation.name)
          }
        }
        assert.deepStrictEqual(failures, [])
        const fake = yield* FakeIntercom.FakeIntercom
        const statuses = (yield* fake.exchanges).map((e) => [e.operation, e.status, e.version])
        assert.deepStrictEqual(
          statuses,
          examples.map((e) => [e.operation.name, answers[version][e.operation.name].status, version])
        )
        const { checked, problems } = yield* checkExchanges(version)
        assert.deepStrictEqual(problems, [])
        assert.isAbove(checked, 0)
      }).pipe(Effect.provide(fakeLayer)))
  }

  it.effect("an example route validates the request with the version's input schema (422, nothing answered)", () =>
    Effect.gen(function*() {
      const response = yield* raw("POST", "/fin/start", { body: { conversation_id: 1 }, version: "2.16" })
      assert.strictEqual(response.status, 422)
      assert.isTrue(isErrorList(response.json))
      // the same path without a later version's header is an unknown 2.14 route
      const stable = yield* raw("POST", "/fin/start", { body: {} })
      assert.strictEqual(stable.status, 404)
      assert.include(stable.json.errors[0].message, "no route for POST /fin/start")
    }).pipe(Effect.provide(fakeLayer)))

  for (const version of VERSIONS) {
    it.effect(`${version}: every list method without parameters answers from the state and decodes`, () =>
      Effect.gen(function*() {
        const client = yield* IntercomClient.IntercomClient
        const lists = App.versionRoutes.filter((route) =>
          route.api === version && route.source !== "example" && route.operation.method === "GET" &&
          route.operation.pathParams.length === 0 && route.operation.response === "json" &&
          Schema.is(route.operation.input)({})
        )
        assert.isAbove(lists.length, 25)
        const failures: Array<string> = []
        for (const { operation } of lists) {
          const result = yield* Effect.either(client.execute(operation, {} as never))
          if (Either.isLeft(result)) failures.push(`${operation.name}: ${result.left.message}`)
        }
        assert.deepStrictEqual(failures, [])
        const { checked, problems } = yield* checkExchanges(version)
        assert.deepStrictEqual(problems, [])
        assert.strictEqual(checked, lists.length)
      }).pipe(Effect.provide(fakeLayer)))
  }

  it.effect("a 2.16 program reads and changes the state a 2.14 program writes, in 2.16's shapes", () =>
    Effect.gen(function*() {
      const v14 = yield* Intercom.Intercom
      const v16 = yield* Intercom_2_16.Intercom
      const created = yield* v14.contacts.create({ role: "user", email: "grace@example.com", name: "Grace" })
      const found = yield* v16.contacts.find({ contact_id: created.id! })
      assert.strictEqual(found.email, "grace@example.com")
      const updated = yield* v16.contacts.update({ contact_id: created.id!, name: "Grace Hopper" })
      assert.strictEqual(updated.name, "Grace Hopper")
      assert.strictEqual((yield* v14.contacts.find({ contact_id: created.id! })).name, "Grace Hopper")
      const search = yield* v16.contacts.search({
        query: { field: "email", operator: "=", value: "grace@example.com" }
      })
      assert.strictEqual(search.total_count, 1)
      const me = yield* v16.admins.identify()
      const conversations = yield* v16.conversations.list({ per_page: 5 })
      const conversation = conversations.conversations![0]
      yield* v16.conversations.find({ conversation_id: conversation.id! })
      yield* v16.conversations.reply({
        conversation_id: conversation.id!,
        message_type: "comment",
        type: "admin",
        admin_id: me.id!,
        body: "From 2.16"
      })
      const tag = yield* v16.tags.create({ name: "from-2.16" })
      yield* v16.tags.tagContact({ contact_id: created.id!, id: tag.id! })
      const companies = yield* v16.companies.list({ per_page: 3 })
      assert.isAbove(companies.data!.length, 0)
      const pages = yield* v16.contacts.list()
      assert.isAbove(pages.data!.length, 0)
      const fake = yield* FakeIntercom.FakeIntercom
      const exchanges = yield* fake.exchanges
      assert.deepStrictEqual(
        exchanges.map((e) => e.version ?? "2.14"),
        ["2.14", "2.16", "2.16", "2.14", "2.16", "2.16", "2.16", "2.16", "2.16", "2.16", "2.16", "2.16", "2.16"]
      )
      const { checked, problems } = yield* checkExchanges("2.16")
      assert.deepStrictEqual(problems, [])
      assert.strictEqual(checked, 11)
    }).pipe(Effect.provide(fakeLayer)))

  it.effect("a 2.16 request to a Preview-only endpoint is served from its state; 2.14 there is a 404", () =>
    Effect.gen(function*() {
      const v16 = yield* Intercom_2_16.Intercom
      const brands = yield* v16.brands.listBrands()
      assert.isAbove(brands.data?.length ?? 0, 0)
      const brand = yield* v16.brands.retrieveBrand({ id: brands.data![0].id! })
      assert.strictEqual(brand.id, brands.data![0].id)
      const stable = yield* raw("GET", "/brands")
      assert.strictEqual(stable.status, 404)
    }).pipe(Effect.provide(fakeLayer)))
})
