/**
 * S5: esbuild bundles (minified, gzip via zlib) of small programs, for the
 * node and browser platforms, and plain-JS builds of the libraries for the
 * cold-import measurement.
 */
import * as esbuild from "esbuild"
import * as fs from "node:fs"
import * as path from "node:path"
import * as zlib from "node:zlib"

/**
 * The programs, each a complete program using `FetchHttpClient.layer` (which
 * runs on both platforms), all importing `effect` and `@effect/platform` by
 * module subpath (`effect/Schema`), as our generated code does: through the
 * barrels (`import { Schema } from "effect"`) esbuild keeps whole namespaces
 * (about 53 KB gzip more for the bare program).
 */
export const programs: Record<string, string> = {
  "bare (effect + HttpClient + Schema)": `
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
const Contact = Schema.Struct({ id: Schema.String, email: Schema.optional(Schema.NullOr(Schema.String)) })
const program = Effect.gen(function*() {
  const client = yield* HttpClient.HttpClient
  const response = yield* client.get("https://api.intercom.io/contacts/1", { headers: { authorization: "Bearer x" } })
  return yield* HttpClientResponse.schemaBodyJson(Contact)(response)
})
Effect.runPromise(program.pipe(Effect.provide(FetchHttpClient.layer))).then(console.log)
`,
  "ours: Contacts.find (subpath imports)": `
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
const layer = IntercomClient.layer({ token: Redacted.make("x") }).pipe(Layer.provide(FetchHttpClient.layer))
Effect.runPromise(Contacts.find({ contact_id: "1" }).pipe(Effect.provide(layer))).then(console.log)
`,
  "ours: Contacts.find (the package's barrel)": `
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { IntercomClient } from "@effect-intercom/client"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
const layer = IntercomClient.layer({ token: Redacted.make("x") }).pipe(Layer.provide(FetchHttpClient.layer))
Effect.runPromise(Contacts.find({ contact_id: "1" }).pipe(Effect.provide(layer))).then(console.log)
`,
  "ours: 10 methods": `
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import * as Admins from "@effect-intercom/client/stable/Admins"
import * as Articles from "@effect-intercom/client/stable/Articles"
import * as Companies from "@effect-intercom/client/stable/Companies"
import * as Contacts from "@effect-intercom/client/stable/Contacts"
import * as Conversations from "@effect-intercom/client/stable/Conversations"
import * as Tags from "@effect-intercom/client/stable/Tags"
const layer = IntercomClient.layer({ token: Redacted.make("x") }).pipe(Layer.provide(FetchHttpClient.layer))
const program = Effect.all([
  Contacts.find({ contact_id: "1" }),
  Contacts.list({ per_page: 10 }),
  Contacts.create({ email: "a@b.c" }),
  Contacts.update({ contact_id: "1", name: "A" }),
  Admins.identify(),
  Conversations.find({ conversation_id: "1" }),
  Conversations.reply({ conversation_id: "1", message_type: "comment", type: "admin", admin_id: "1", body: "hi" }),
  Tags.list(),
  Companies.find({ company_id: "1" }),
  Articles.list({})
])
Effect.runPromise(program.pipe(Effect.provide(layer))).then(console.log)
`,
  "ours: whole Intercom service (310 methods)": `
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Intercom from "@effect-intercom/client/Intercom"
const layer = Intercom.layer({ token: Redacted.make("x") }).pipe(Layer.provide(FetchHttpClient.layer))
const program = Effect.flatMap(Intercom.Intercom, (intercom) => intercom.contacts.find({ contact_id: "1" }))
Effect.runPromise(program.pipe(Effect.provide(layer))).then(console.log)
`,
  "intercom-client: contacts.find": `
import { IntercomClient } from "intercom-client"
const client = new IntercomClient({ token: "x" })
client.contacts.find({ contact_id: "1" }).then(console.log)
`
}

/**
 * The same one-method program against the package as published (`.out/published`): the bundler reads `dist/esm`
 * (one file per entry point, shared chunks), so this row checks that tree-shaking survives the published layout.
 */
export const publishedPrograms: Record<string, string> = {
  "ours as published: Contacts.find (subpath imports)": programs["ours: Contacts.find (subpath imports)"]!,
  "ours as published: whole Intercom service (310 methods)": programs["ours: whole Intercom service (310 methods)"]!
}

export interface BundleSize {
  readonly program: string
  readonly platform: "node" | "browser"
  readonly minBytes: number
  readonly gzipBytes: number
  /** How many of our generated files (resource modules and component schemas) the bundle holds. */
  readonly generatedFiles: number
}

export const bundleSizes = async (workDir: string, publishedDir?: string): Promise<Array<BundleSize>> => {
  const out: Array<BundleSize> = []
  let i = 0
  const all = [
    ...Object.entries(programs).map(([name, source]) => [name, source, path.join(workDir, "programs")] as const),
    ...(publishedDir === undefined ? [] : Object.entries(publishedPrograms)).map(([name, source]) =>
      [name, source, path.join(publishedDir!, "programs")] as const
    )
  ]
  for (const [name, source, dir] of all) {
    fs.mkdirSync(dir, { recursive: true })
    const entry = path.join(dir, `program-${i++}.ts`)
    fs.writeFileSync(entry, source)
    for (const platform of ["node", "browser"] as const) {
      const result = await esbuild.build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: "esm",
        platform,
        target: "es2022",
        write: false,
        metafile: true,
        logLevel: "silent",
        ...(platform === "browser" ? { conditions: ["browser", "import", "default"] } : {})
      })
      const code = result.outputFiles[0]!.contents
      const output = Object.values(result.metafile.outputs)[0]!
      const inputs = Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([file]) => file)
      out.push({
        program: name,
        platform,
        minBytes: code.byteLength,
        gzipBytes: zlib.gzipSync(code, { level: 9 }).byteLength,
        // from the sources: our generated files; as published: the files of our `dist` (entry points and chunks)
        generatedFiles: inputs.filter((file) =>
          file.includes("client/src/generated/") || file.includes("@effect-intercom/client/dist/")
        ).length
      })
    }
  }
  return out
}

/** Worker entry points to plain-JS ES modules in `outDir` (`.mjs`), every package external, shared code in chunks. */
const bundleWorkers = (entryPoints: Record<string, string>, outDir: string) =>
  esbuild.build({
    entryPoints,
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "silent"
  })

/**
 * Builds the plain-JS files the child processes run (so no transpiler is timed):
 * the workers and the server, with our client bundled from its TypeScript
 * sources and every npm package (effect, @effect/*, intercom-client) left
 * external, loaded from node_modules as published. Also builds our package's
 * two entry points (`index`, and `index` + `@effect/platform-node`) for the
 * cold-import measurement, in the same way.
 */
export const buildWorkers = async (srcDir: string, workDir: string) => {
  const outDir = path.join(workDir, "js")
  fs.mkdirSync(outDir, { recursive: true })
  const coldOurs = path.join(workDir, "cold-ours.ts")
  fs.writeFileSync(coldOurs, `export * from ${JSON.stringify(path.join(srcDir, "../../client/src/index.ts"))}\n`)
  const coldContacts = path.join(workDir, "cold-ours-contacts.ts")
  fs.writeFileSync(
    coldContacts,
    `export * as IntercomClient from ${JSON.stringify(path.join(srcDir, "../../client/src/IntercomClient.ts"))}\n` +
      `export * as Contacts from ${
        JSON.stringify(path.join(srcDir, "../../client/src/generated/stable/Contacts.ts"))
      }\n`
  )
  await bundleWorkers({
    "server": path.join(srcDir, "server.ts"),
    "worker-calls": path.join(srcDir, "worker-calls.ts"),
    "worker-list": path.join(srcDir, "worker-list.ts"),
    "worker-import": path.join(srcDir, "worker-import.ts"),
    "allocation": path.join(srcDir, "allocation.ts")
  }, outDir)
  // our package as one plain-JS file, and the npm modules it imports (the floor of any Effect client)
  const cold = await esbuild.build({
    entryPoints: { "cold-ours": coldOurs, "cold-ours-contacts": coldContacts },
    outdir: outDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    format: "esm",
    platform: "node",
    target: "node20",
    metafile: true,
    logLevel: "silent"
  })
  const externals = new Set(
    Object.values(cold.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))
  )
  fs.writeFileSync(
    path.join(outDir, "cold-floor.mjs"),
    [...externals].sort().map((m) => `import ${JSON.stringify(m)}\n`).join("")
  )
  return outDir
}

/**
 * The S3 worker again, into `<publishedDir>/js`, with every package external: there `@effect-intercom/client/*`
 * resolves to the installed tarball (`client-published.ts`), as in a user's project.
 */
export const buildPublishedWorkers = async (srcDir: string, publishedDir: string) => {
  const outDir = path.join(publishedDir, "js")
  await bundleWorkers({ "worker-list": path.join(srcDir, "worker-list.ts") }, outDir)
  return outDir
}
