/**
 * The published package, as a user gets it: packs `@effect-intercom/client` with `pnpm pack` (which builds it),
 * installs the tarball into a temporary project (with the workspace's own `effect`, `@effect/platform` and
 * `@effect/platform-node` linked in: no registry), and runs a small program under Node as ESM and as CommonJS
 * against a mock `HttpClient`. Type-checks consumers with Node16 resolution (`.mts`, `.cts`) and with the older
 * `"moduleResolution": "node"`, which ignores `exports` and finds subpaths' types through `typesVersions`. Then
 * bundles a browser program using `FetchHttpClient` with esbuild and checks that no Node built-in gets in, and that
 * `internal/*` and `generated/*` cannot be imported.
 */
import { assert, describe, it } from "@effect/vitest"
import * as esbuild from "esbuild"
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import { builtinModules, createRequire } from "node:module"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll } from "vitest"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const clientDir = path.join(root, "packages/client")
const requireFromClient = createRequire(path.join(clientDir, "package.json"))
const requireFromTests = createRequire(path.join(root, "tests/package.json"))
const requireFromRoot = createRequire(path.join(root, "package.json"))

let tmp = ""
let project = ""
let tarball = ""

/** The directory of an installed package (its package.json's folder), resolved like Node from `require`. */
const packageDir = (require: NodeJS.Require, name: string): string => {
  let dir = path.dirname(require.resolve(name))
  while (!fs.existsSync(path.join(dir, "package.json")) || readJson(path.join(dir, "package.json")).name !== name) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`no package.json for ${name}`)
    dir = parent
  }
  return fs.realpathSync(dir)
}

const readJson = (file: string): { name?: string; [key: string]: unknown } => JSON.parse(fs.readFileSync(file, "utf8"))

const link = (name: string, target: string) => {
  const where = path.join(project, "node_modules", name)
  fs.mkdirSync(path.dirname(where), { recursive: true })
  fs.symlinkSync(target, where, "dir")
}

/**
 * The bound of each child process (`execFileSync` blocks this worker, so vitest's own time-outs cannot fire while it
 * runs): the child is killed and the call throws. Above what a loaded machine needs (a pack with its build: about 10 s).
 */
const bounded = { timeout: 150_000, killSignal: "SIGKILL" } as const

const run = (file: string): string =>
  execFileSync(process.execPath, [file], {
    cwd: project,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    ...bounded
  })

/** Runs the workspace's `tsc` in the project; a failure carries the compiler's diagnostics. */
const tsc = (...args: Array<string>): void => {
  const bin = path.join(packageDir(requireFromRoot, "typescript"), "bin", "tsc")
  try {
    execFileSync(process.execPath, [bin, ...args], { cwd: project, encoding: "utf8", stdio: "pipe", ...bounded })
  } catch (error) {
    const { stderr, stdout } = error as { stdout?: string; stderr?: string }
    throw new Error(`tsc ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`)
  }
}

/** Like `tsc`, for a check expected to fail: its diagnostics. */
const tscFails = (...args: Array<string>): string => {
  try {
    tsc(...args)
  } catch (error) {
    return String((error as Error).message)
  }
  throw new Error(`tsc ${args.join(" ")} was expected to fail`)
}

const runFails = (file: string): string => {
  try {
    run(file)
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error)
  }
  throw new Error(`${file} was expected to fail`)
}

const contact = {
  type: "contact",
  id: "6329bd9ffe4e2e91dac76188",
  workspace_id: "ecahpwf5",
  role: "user",
  email: "ada@example.com",
  name: "Ada Lovelace",
  created_at: 1663597223,
  updated_at: 1663597223
}

// The program run as ESM and as CommonJS: `IMPORT` becomes `import` statements or `require` calls.
const program = (imports: string) =>
  `${imports}
const mock = HttpClient.make((request, url) =>
  Effect.sync(() => {
    if (request.method !== "GET" || url.pathname !== "/contacts/6329bd9ffe4e2e91dac76188") {
      return HttpClientResponse.fromWeb(request, new Response("{}", { status: 404 }))
    }
    return HttpClientResponse.fromWeb(
      request,
      new Response(${
    JSON.stringify(JSON.stringify(contact))
  }, { status: 200, headers: { "content-type": "application/json" } })
    )
  })
)
const IntercomTest = Intercom.layer({ token: Redacted.make("secret"), retry: false, rateLimiter: false }).pipe(
  Layer.provide(Layer.succeed(HttpClient.HttpClient, mock))
)
const main = Effect.gen(function* () {
  const intercom = yield* Intercom.Intercom
  const found = yield* intercom.contacts.find({ contact_id: "6329bd9ffe4e2e91dac76188" })
  const plain = yield* Contacts.find({ contact_id: "6329bd9ffe4e2e91dac76188" })
  const missing = yield* Effect.flip(intercom.contacts.find({ contact_id: "nobody" }))
  console.log(JSON.stringify({ id: found.id, email: found.email, name: plain.name, error: missing._tag }))
})
Effect.runPromise(Effect.provide(main, IntercomTest)).catch((error) => {
  console.error(error)
  process.exit(1)
})
`

const expected = JSON.stringify({
  id: contact.id,
  email: contact.email,
  name: contact.name,
  error: "NotFoundError"
})

describe("packaging", { timeout: 180_000 }, () => {
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "intercom-pack-"))
    project = path.join(tmp, "project")
    fs.mkdirSync(project)

    // Pack; its `prepack` script builds (incremental: seconds when `pnpm typecheck` ran before).
    execFileSync("pnpm", ["pack", "--pack-destination", tmp], { cwd: clientDir, stdio: "pipe", ...bounded })
    tarball = fs.readdirSync(tmp).find((file) => file.endsWith(".tgz"))!
    assert.ok(tarball, "pnpm pack wrote a tarball")

    // Install: the client has no dependencies (only peers), so installing is unpacking it into node_modules.
    const installed = path.join(project, "node_modules/@effect-intercom/client")
    fs.mkdirSync(installed, { recursive: true })
    execFileSync("tar", ["-xzf", path.join(tmp, tarball), "-C", installed, "--strip-components=1"], bounded)
    // The peers (and the Node platform for the programs), from the workspace's installation.
    link("effect", packageDir(requireFromClient, "effect"))
    link("@effect/platform", packageDir(requireFromClient, "@effect/platform"))
    link("@effect/platform-node", packageDir(requireFromTests, "@effect/platform-node"))
    // For the type-checks.
    link("@types/node", fs.realpathSync(path.dirname(requireFromRoot.resolve("@types/node/package.json"))))
    fs.writeFileSync(
      path.join(project, "package.json"),
      JSON.stringify({
        name: "consumer",
        private: true,
        dependencies: {
          "@effect-intercom/client": `file:${path.join(tmp, tarball)}`,
          "@effect/platform": "*",
          effect: "*"
        }
      })
    )
  }, 180_000)

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  })

  it("publishes a dist-based package.json: one subpath per public module, internals unreachable", () => {
    const manifest = readJson(path.join(project, "node_modules/@effect-intercom/client/package.json")) as {
      exports: Record<string, unknown>
      typesVersions: Record<string, Record<string, Array<string>>>
      main: string
      module: string
      types: string
      sideEffects: Array<string>
      peerDependencies: Record<string, string>
      peerDependenciesMeta: Record<string, { optional?: boolean }>
      dependencies?: Record<string, string>
    }
    assert.deepStrictEqual(Object.keys(manifest.exports), [
      "./package.json",
      ".",
      "./Download",
      "./Identity",
      "./Intercom",
      "./Intercom_2_15",
      "./Intercom_2_16",
      "./IntercomClient",
      "./IntercomError",
      "./IntercomMetrics",
      "./OAuth",
      "./Operation",
      "./Pagination",
      "./RateLimit",
      "./RedisRateLimit",
      "./Retry",
      "./Search",
      "./Webhooks",
      "./stable/*",
      "./unstable/*",
      "./v2.15/*",
      "./v2.16/*",
      "./stable/schemas/*",
      "./unstable/schemas/*",
      "./v2.15/schemas/*",
      "./v2.16/schemas/*",
      "./internal/*",
      "./generated/*"
    ])
    assert.strictEqual(manifest.exports["./internal/*"], null)
    assert.strictEqual(manifest.exports["./generated/*"], null)
    assert.deepStrictEqual(manifest.exports["./stable/*"], {
      types: "./dist/dts/generated/stable/*.d.ts",
      import: "./dist/esm/generated/stable/*.js",
      default: "./dist/cjs/generated/stable/*.js"
    })
    assert.strictEqual(manifest.main, "./dist/cjs/index.js")
    assert.strictEqual(manifest.module, "./dist/esm/index.js")
    assert.strictEqual(manifest.types, "./dist/dts/index.d.ts")
    assert.deepStrictEqual(manifest.sideEffects, [])
    assert.strictEqual(manifest.dependencies, undefined)
    assert.deepStrictEqual(Object.keys(manifest.peerDependencies).sort(), [
      "@effect/experimental",
      "@effect/platform",
      "effect",
      "ioredis"
    ])
    assert.strictEqual(manifest.peerDependenciesMeta["@effect/experimental"]?.optional, true)
    assert.strictEqual(manifest.peerDependenciesMeta["ioredis"]?.optional, true)
    // For `"moduleResolution": "node"` (which ignores `exports`): each subpath to the same declarations as in
    // `exports`, and the hidden ones (`null` there) to none, else `stable/schemas/X` would resolve via `stable/*`.
    const typesVersions: Record<string, Array<string>> = {}
    for (const [key, value] of Object.entries(manifest.exports)) {
      if (key === "." || key === "./package.json") continue
      typesVersions[key.slice(2)] = value === null ? [] : [(value as { types: string }).types]
    }
    assert.deepStrictEqual(manifest.typesVersions, { "*": typesVersions })
    assert.deepStrictEqual(manifest.typesVersions["*"]!["IntercomClient"], ["./dist/dts/IntercomClient.d.ts"])
    assert.deepStrictEqual(manifest.typesVersions["*"]!["stable/*"], ["./dist/dts/generated/stable/*.d.ts"])
    assert.deepStrictEqual(manifest.typesVersions["*"]!["internal/*"], [])
    // Every target of the maps is in the tarball.
    const installed = path.join(project, "node_modules/@effect-intercom/client")
    const targets = [
      ...Object.entries(manifest.exports).flatMap(([key, value]) =>
        value === null || typeof value === "string"
          ? []
          : Object.values(value as Record<string, string>).map((target) => [key, target] as const)
      ),
      ...Object.entries(manifest.typesVersions["*"]!).flatMap(([key, value]) =>
        value.map((target) => [key, target] as const)
      )
    ]
    for (const [key, target] of targets) {
      const file = target.replace("*", "Contacts")
      assert.ok(fs.existsSync(path.join(installed, file)), `${key}: ${file} is in the tarball`)
    }
  })

  it("runs under Node as ESM", () => {
    fs.writeFileSync(
      path.join(project, "main.mjs"),
      program(`import { Intercom } from "@effect-intercom/client"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
import { HttpClient, HttpClientResponse } from "@effect/platform"
import { Effect, Layer, Redacted } from "effect"`)
    )
    assert.strictEqual(run("main.mjs").trim(), expected)
  })

  it("runs under Node as CommonJS", () => {
    fs.writeFileSync(
      path.join(project, "main.cjs"),
      program(`const { Intercom } = require("@effect-intercom/client")
const Contacts = require("@effect-intercom/client/stable/Contacts")
const { HttpClient, HttpClientResponse } = require("@effect/platform")
const { Effect, Layer, Redacted } = require("effect")
if (!require.resolve("@effect-intercom/client").includes("/dist/cjs/")) throw new Error("not the CommonJS build")`)
    )
    assert.strictEqual(run("main.cjs").trim(), expected)
  })

  it("type-checks for ESM and CommonJS consumers (Node16 resolution, libraries checked too)", () => {
    const source = `import { Intercom, IntercomError } from "@effect-intercom/client"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
import * as UnstableSchemas from "@effect-intercom/client/unstable/Schemas"
import { Effect } from "effect"

export const viaService = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  const contact = yield* intercom.contacts.find({ contact_id: "1" })
  return contact.email
})
export const viaFunction = Contacts.find({ contact_id: "1" }).pipe(
  Effect.catchTag("NotFoundError", (error: IntercomError.NotFoundError) => Effect.succeed(error.status))
)
export type Contact = UnstableSchemas.Contact
`
    fs.writeFileSync(path.join(project, "types.mts"), source)
    fs.writeFileSync(path.join(project, "types.cts"), source)
    fs.writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "Node16",
          moduleResolution: "Node16",
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          types: ["node"],
          strict: true,
          noEmit: true,
          skipLibCheck: false
        },
        files: ["types.mts", "types.cts"]
      })
    )
    tsc("-p", "tsconfig.json")
  })

  it("type-checks for a CommonJS consumer with \"moduleResolution\": \"node\" (subpaths via typesVersions)", () => {
    // A type from each entry point; `@ts-expect-error` lines fail the check if a type is `any`.
    fs.writeFileSync(
      path.join(project, "node10.ts"),
      `import { Intercom, IntercomError } from "@effect-intercom/client"
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
import { Effect, Redacted } from "effect"

export const region: IntercomClient.Region = "eu"
// @ts-expect-error not a region
export const notRegion: IntercomClient.Region = "mars"
export const options: IntercomClient.Options = { token: Redacted.make("token"), region }
export const request: Contacts.FindContactRequest = { contact_id: "1" }
// @ts-expect-error contact_id is required
export const notRequest: Contacts.FindContactRequest = {}
export const layer = Intercom.layer(options)
export type Service = Intercom.Intercom
// @ts-expect-error a NotFoundError has a status
export const notError: IntercomError.NotFoundError = {}
export const status = Contacts.find(request).pipe(
  Effect.map((contact) => contact.email),
  Effect.catchTag("NotFoundError", (error: IntercomError.NotFoundError) => Effect.succeed(error.status))
)
`
    )
    fs.writeFileSync(
      path.join(project, "tsconfig.node10.json"),
      JSON.stringify({
        compilerOptions: {
          module: "commonjs",
          moduleResolution: "node",
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          types: ["node"],
          strict: true,
          noEmit: true,
          skipLibCheck: false
        },
        files: ["node10.ts"]
      })
    )
    tsc("-p", "tsconfig.node10.json")
    // What `exports` hides stays hidden there too.
    fs.writeFileSync(
      path.join(project, "node10-hidden.ts"),
      `import * as A from "@effect-intercom/client/internal/interpreter"
import * as B from "@effect-intercom/client/generated/operations"
import * as C from "@effect-intercom/client/stable/schemas/Contact"
import * as D from "@effect-intercom/client/unstable/schemas/Contact"
export const all = [A, B, C, D]
`
    )
    const diagnostics = tscFails(
      ..."--module commonjs --moduleResolution node --target ES2022 --strict --noEmit --skipLibCheck".split(" "),
      "node10-hidden.ts"
    )
    for (
      const specifier of [
        "internal/interpreter",
        "generated/operations",
        "stable/schemas/Contact",
        "unstable/schemas/Contact"
      ]
    ) {
      assert.include(diagnostics, `Cannot find module '@effect-intercom/client/${specifier}'`)
    }
  })

  it("keeps internal/*, generated/* and the per-schema files unreachable", () => {
    for (
      const specifier of [
        "@effect-intercom/client/internal/interpreter",
        "@effect-intercom/client/generated/operations"
      ]
    ) {
      fs.writeFileSync(path.join(project, "internal.mjs"), `await import(${JSON.stringify(specifier)})\n`)
      assert.match(runFails("internal.mjs"), /ERR_PACKAGE_PATH_NOT_EXPORTED/)
      fs.writeFileSync(path.join(project, "internal.cjs"), `require(${JSON.stringify(specifier)})\n`)
      assert.match(runFails("internal.cjs"), /ERR_PACKAGE_PATH_NOT_EXPORTED/)
    }
  })

  it("bundles for the browser with FetchHttpClient and no Node built-ins", async () => {
    fs.writeFileSync(
      path.join(project, "browser.mjs"),
      `import { Intercom } from "@effect-intercom/client"
import { FetchHttpClient } from "@effect/platform"
import { Effect, Layer, Redacted } from "effect"

const IntercomLive = Intercom.layer({ token: Redacted.make("token") }).pipe(Layer.provide(FetchHttpClient.layer))
const program = Effect.gen(function* () {
  const intercom = yield* Intercom.Intercom
  return yield* intercom.contacts.find({ contact_id: "123" })
})
globalThis.findContact = () => Effect.runPromise(Effect.provide(program, IntercomLive))
`
    )
    const result = await esbuild.build({
      absWorkingDir: project,
      entryPoints: ["browser.mjs"],
      bundle: true,
      platform: "browser",
      format: "esm",
      minify: true,
      write: false,
      metafile: true,
      outfile: "out/browser.js",
      logLevel: "silent"
    })
    assert.deepStrictEqual(result.errors, [])
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)])
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path))
    assert.deepStrictEqual(imports.filter((i) => builtins.has(i) || i.startsWith("node:")), [])
    const inputs = Object.keys(result.metafile.inputs)
    assert.ok(inputs.some((input) => input.includes("@effect-intercom/client/dist/esm/")), "the ESM build is bundled")
    assert.ok(!inputs.some((input) => input.includes("platform-node")), "nothing from @effect/platform-node")
    // Only the resource groups the Intercom service uses; the bundle stays a reasonable size.
    const bytes = result.outputFiles[0]!.contents.byteLength
    assert.ok(bytes > 10_000 && bytes < 5_000_000, `bundle size ${bytes}`)
  })
})

describe("packaging @effect-intercom/testing", { timeout: 120_000 }, () => {
  it("depends on a compatible range of the client (workspace:^ published as ^<version>), the Node platform as a peer", () => {
    const testingDir = path.join(root, "packages/testing")
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intercom-pack-testing-"))
    try {
      // Only the manifest is checked: no build needed (pnpm rewrites `workspace:` ranges when packing).
      execFileSync("pnpm", ["pack", "--ignore-scripts", "--pack-destination", dir], {
        cwd: testingDir,
        stdio: "pipe",
        ...bounded
      })
      const tgz = fs.readdirSync(dir).find((file) => file.endsWith(".tgz"))!
      const manifest = JSON.parse(
        execFileSync("tar", ["-xzf", path.join(dir, tgz), "-O", "package/package.json"], {
          encoding: "utf8",
          ...bounded
        })
      ) as {
        dependencies: Record<string, string>
        peerDependencies: Record<string, string>
      }
      const client = readJson(path.join(clientDir, "package.json")) as { version: string }
      assert.deepStrictEqual(manifest.dependencies, { "@effect-intercom/client": `^${client.version}` })
      assert.deepStrictEqual(Object.keys(manifest.peerDependencies).sort(), [
        "@effect/platform",
        "@effect/platform-node",
        "effect"
      ])
      assert.ok(!JSON.stringify(manifest).includes("workspace:"), "no workspace: range is published")
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
