/**
 * The demo as a user runs it: `tsx examples/demo.ts` (what `pnpm demo`
 * runs), in a child process, against the embedded fake; and with
 * `INTERCOM_TOKEN` set, its read-only part against an "API" that is a fake
 * server started here (`INTERCOM_BASE_URL`). Both must exit 0, quickly.
 */
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")

const runDemo = (env: Record<string, string>) =>
  Effect.async<{ readonly code: number | null; readonly output: string; readonly seconds: number }>((resume) => {
    const started = Date.now()
    const { INTERCOM_TOKEN: _, INTERCOM_BASE_URL: __, ...inherited } = process.env
    const child = spawn(process.execPath, ["--import", "tsx", "examples/demo.ts"], {
      cwd: root,
      env: { ...inherited, ...env, FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    child.stdout.on("data", (chunk) => (output += chunk))
    child.stderr.on("data", (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000)
    child.on("close", (code) => {
      clearTimeout(timer)
      resume(Effect.succeed({ code, output, seconds: (Date.now() - started) / 1000 }))
    })
    return Effect.sync(() => child.kill("SIGKILL"))
  })

describe("pnpm demo", () => {
  it.live("tours the embedded fake and exits 0 in under 20 s", () =>
    Effect.gen(function*() {
      const { code, output, seconds } = yield* runDemo({})
      assert.strictEqual(code, 0, output)
      assert.isBelow(seconds, 20)
      for (
        const expected of [
          "The fake Intercom is listening on http://127.0.0.1:",
          "Signed in as Ada Lovelace <ada.lovelace@fake-intercom.test>",
          "5,000 contacts",
          "contacts [##############################] 5,000/5,000",
          "conversations match",
          "created ",
          "tags of ",
          "note ",
          "now has ",
          "succeeded after 1 answer of 429",
          "typed RateLimitError",
          "Done."
        ]
      ) assert.include(output, expected)
    }), { timeout: 30_000 })

  it.live("with INTERCOM_TOKEN, runs only the read-only part against the configured API", () =>
    Effect.gen(function*() {
      const url = yield* FakeIntercom.serverUrl
      const { code, output } = yield* runDemo({ INTERCOM_TOKEN: "real-token", INTERCOM_BASE_URL: url })
      assert.strictEqual(code, 0, output)
      assert.include(output, "INTERCOM_TOKEN is set")
      assert.include(output, "Stream the first 1,000 contacts")
      assert.include(output, "conversations match")
      assert.include(output, "The steps that write run against the fake only")
      assert.notInclude(output, "Create a contact")
    }).pipe(Effect.provide(FakeIntercom.layerServer({ token: "real-token" }))), { timeout: 30_000 })
})
