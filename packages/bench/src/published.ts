/**
 * The package as users get it: `pnpm pack` of `@effect-intercom/client` (its
 * `prepack` builds `dist`), the tarball unpacked into `.out/published/node_modules`
 * (the client has only peers, so installing is unpacking), beside links to the
 * workspace's own `effect`, `@effect/platform`, `@effect/platform-node` and
 * `intercom-client` (no registry, the exact versions the bench pins). Then the
 * small programs of the fresh-process rows, each an ES module importing what
 * it names the way its row says (statically, as a user's file would), and
 * exporting `run(baseUrl)`: one `contacts.find` against the mock server.
 *
 * `fresh.mjs <app> <import|call> [baseUrl]` (in the same directory) times the
 * dynamic `import()` of the app, the RSS and live heap after it, and, for
 * `call`, the client's creation and its one call; the parent times the whole
 * process, spawn to exit. With `--count`, the ES modules loaded are counted by
 * package through a resolve hook (a separate pass: the hook costs time).
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import { createRequire } from "node:module"
import * as path from "node:path"

const contactId = "6762f0dd1bb69f9f2193bb000001"

/** Ours: `Intercom.layer` over `NodeHttpClient.layerUndici`, as the README's quickstart, and one call. */
const ourRun =
  `const layer = Intercom.layer({ token: Redacted.make("x"), baseUrl }).pipe(Layer.provide(NodeHttpClient.layerUndici))
  const contact = await Effect.runPromise(
    Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: "${contactId}" })).pipe(
      Effect.provide(layer)
    )
  )
  if (typeof contact.email !== "string") throw new Error("no email")`

/** Each app: its imports (as a user writes them), and the body of `run(baseUrl)` (one `contacts.find`). */
const apps: Record<string, { readonly imports: string; readonly run: string }> = {
  "fetch": {
    imports: "",
    run: `const response = await fetch(\`\${baseUrl}/contacts/${contactId}\`, {
    headers: { authorization: "Bearer x", accept: "application/json", "intercom-version": "2.14" }
  })
  const body = JSON.parse(await response.text())
  if (typeof body.email !== "string") throw new Error("no email")`
  },
  "intercom-client": {
    imports: `import { IntercomClient } from "intercom-client"`,
    run: `const client = new IntercomClient({ token: "x", baseUrl })
  const contact = await client.contacts.find({ contact_id: "${contactId}" })
  if (typeof contact.email !== "string") throw new Error("no email")`
  },
  // The README's quickstart as it was written before issue 11: barrels of the package, platform-node and effect.
  "ours, barrel imports": {
    imports: `import { Intercom } from "@effect-intercom/client"
import { NodeHttpClient } from "@effect/platform-node"
import { Effect, Layer, Redacted } from "effect"`,
    run: ourRun
  },
  // The README's quickstart with subpath imports (every snippet since issue 11).
  "ours, subpath imports": {
    imports: `import * as Intercom from "@effect-intercom/client/Intercom"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"`,
    run: ourRun
  },
  // The floor: a bare Effect program doing the same call, HttpClient over undici, the contact decoded with Schema.
  "floor: effect + HttpClient + Schema": {
    imports: `import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"`,
    run: `const Contact = Schema.Struct({ id: Schema.String, email: Schema.optional(Schema.NullOr(Schema.String)) })
  const program = Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    const response = yield* client.get(\`\${baseUrl}/contacts/${contactId}\`, {
      headers: { authorization: "Bearer x", accept: "application/json", "intercom-version": "2.14" }
    })
    return yield* HttpClientResponse.schemaBodyJson(Contact)(response)
  })
  const contact = await Effect.runPromise(program.pipe(Effect.provide(NodeHttpClient.layerUndici)))
  if (typeof contact.email !== "string") throw new Error("no email")`
  },
  // Import-only rows: one specifier each.
  "package: @effect-intercom/client": { imports: `import "@effect-intercom/client"`, run: "" },
  "package: @effect-intercom/client/Intercom": { imports: `import "@effect-intercom/client/Intercom"`, run: "" },
  "@effect/platform-node (barrel)": { imports: `import "@effect/platform-node"`, run: "" },
  "@effect/platform-node/NodeHttpClient": { imports: `import "@effect/platform-node/NodeHttpClient"`, run: "" },
  "effect/Schema": { imports: `import "effect/Schema"`, run: "" },
  "@effect/platform/HttpClient": { imports: `import "@effect/platform/HttpClient"`, run: "" }
}

export const appNames = Object.keys(apps)
/** The apps that make a call (the others are import-only rows). */
export const callingApps = appNames.filter((name) => apps[name]!.run !== "")

const fileOf = (name: string) => `app-${name.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "").toLowerCase()}.mjs`

const driver = `// fresh.mjs <app file> <import|call> [baseUrl] [--count]
const [file, mode, baseUrl] = process.argv.slice(2)
const counting = process.argv.includes("--count")
const loaded = []
if (counting) {
  const { register } = await import("node:module")
  const { MessageChannel } = await import("node:worker_threads")
  const { port1, port2 } = new MessageChannel()
  port1.on("message", (url) => loaded.push(url))
  port1.unref()
  register("./count-hooks.mjs", { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] })
}
const t0 = performance.now()
const app = await import("./" + file)
const importMs = performance.now() - t0
const out = { importMs, rssAfterImportMB: process.memoryUsage().rss / 2 ** 20 }
if (mode === "call") {
  const t1 = performance.now()
  await app.run(baseUrl)
  out.callMs = performance.now() - t1
  out.rssAfterCallMB = process.memoryUsage().rss / 2 ** 20
} else if (globalThis.gc) {
  // the live heap after the import (with --expose-gc, import mode only: a call's wall time is not disturbed)
  globalThis.gc()
  out.heapAfterImportMB = process.memoryUsage().heapUsed / 2 ** 20
}
const cpu = process.cpuUsage()
out.processCpuMs = (cpu.user + cpu.system) / 1000
if (counting) {
  await new Promise((resolve) => setTimeout(resolve, 50))
  const byPackage = {}
  for (const url of new Set(loaded)) {
    if (!url.startsWith("file:")) continue
    const parts = decodeURIComponent(url).split("/node_modules/")
    const rest = parts.length > 1 ? parts[parts.length - 1] : "(app)"
    const segs = rest.split("/")
    const pkg = rest === "(app)" ? rest : segs[0].startsWith("@") ? segs[0] + "/" + segs[1] : segs[0]
    byPackage[pkg] = (byPackage[pkg] ?? 0) + 1
  }
  out.modules = byPackage
}
process.stdout.write(JSON.stringify(out) + "\\n")
process.exit(0)
`

const hooks = `let port
export const initialize = (data) => { port = data.port }
export const resolve = async (specifier, context, next) => {
  const result = await next(specifier, context)
  port.postMessage(result.url)
  return result
}
`

/** The directory of an installed package, from a resolvable file of it. */
const packageDir = (require: NodeJS.Require, name: string): string => {
  let dir = path.dirname(require.resolve(name))
  for (;;) {
    const manifest = path.join(dir, "package.json")
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === name) {
      return fs.realpathSync(dir)
    }
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`no package.json for ${name}`)
    dir = parent
  }
}

export interface Published {
  /** The directory holding `node_modules`, `fresh.mjs` and the apps. */
  readonly dir: string
  /** The app file of each row. */
  readonly files: Record<string, string>
  /** What was packed: files in the tarball's `dist/esm`, and the tarball's size. */
  readonly esmFiles: number
  readonly tarballBytes: number
}

/** Packs the client, installs the tarball into `<workDir>/published`, writes the driver and the apps. */
export const installPublished = (pkgDir: string, workDir: string): Published => {
  const clientDir = path.join(pkgDir, "../client")
  const dir = path.join(workDir, "published")
  fs.rmSync(dir, { recursive: true, force: true })
  const packDir = path.join(dir, "pack")
  fs.mkdirSync(packDir, { recursive: true })
  execFileSync("pnpm", ["pack", "--pack-destination", packDir], { cwd: clientDir, stdio: "pipe" })
  const tarball = fs.readdirSync(packDir).find((file) => file.endsWith(".tgz"))!
  const installed = path.join(dir, "node_modules/@effect-intercom/client")
  fs.mkdirSync(installed, { recursive: true })
  execFileSync("tar", ["-xzf", path.join(packDir, tarball), "-C", installed, "--strip-components=1"])
  const require = createRequire(path.join(pkgDir, "package.json"))
  for (const name of ["effect", "@effect/platform", "@effect/platform-node", "intercom-client"]) {
    const where = path.join(dir, "node_modules", name)
    fs.mkdirSync(path.dirname(where), { recursive: true })
    fs.symlinkSync(packageDir(require, name), where, "dir")
  }
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }))
  fs.writeFileSync(path.join(dir, "fresh.mjs"), driver)
  fs.writeFileSync(path.join(dir, "count-hooks.mjs"), hooks)
  const files: Record<string, string> = {}
  for (const [name, app] of Object.entries(apps)) {
    files[name] = fileOf(name)
    fs.writeFileSync(
      path.join(dir, files[name]),
      `${app.imports}\nexport const run = async (baseUrl) => {\n  ${app.run}\n}\n`
    )
  }
  const esmFiles = fs.readdirSync(path.join(installed, "dist/esm"), { recursive: true })
    .filter((file) => String(file).endsWith(".js")).length
  return { dir, files, esmFiles, tarballBytes: fs.statSync(path.join(packDir, tarball)).size }
}

// Run directly (`tsx src/published.ts`): install, then print each row's module counts (a quick look).
if (process.argv[1]?.endsWith("published.ts")) {
  const pkgDir = path.join(path.dirname(new URL(import.meta.url).pathname), "..")
  const published = installPublished(pkgDir, path.join(pkgDir, ".out"))
  console.log(`${published.esmFiles} files in dist/esm, tarball ${(published.tarballBytes / 1024).toFixed(0)} KB`)
  for (const name of appNames) {
    const out = execFileSync(process.execPath, [
      "--expose-gc",
      "fresh.mjs",
      published.files[name]!,
      "import",
      "",
      "--count"
    ], {
      cwd: published.dir,
      encoding: "utf8"
    })
    const result = JSON.parse(out.trim().split("\n").pop()!)
    const total = Object.values(result.modules as Record<string, number>).reduce((a, b) => a + b, 0)
    console.log(
      `${name}: ${total} modules ${JSON.stringify(result.modules)}, live heap ${result.heapAfterImportMB.toFixed(1)} MB`
    )
  }
}
