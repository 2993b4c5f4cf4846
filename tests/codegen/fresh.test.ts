/**
 * The committed generated code is what the generator makes from
 * `../shared/spec` today: a hand edit or a spec change without `pnpm codegen`
 * fails here (and in CI's `pnpm codegen:check`).
 */
import { generate, GENERATED_MARK } from "@effect-intercom/codegen/generate"
import { defaultOutDir, defaultReadme, staleFiles, staleReadme } from "@effect-intercom/codegen/main"
import { defaultSpecDir, loadSpecs } from "@effect-intercom/codegen/spec"
import { readmeTable } from "@effect-intercom/codegen/versions"
import { assert, describe, it } from "@effect/vitest"
import * as fs from "node:fs"

const specPresent = fs.existsSync(defaultSpecDir())
let generated: Map<string, string> | undefined
/** The generator's output, made once (it formats about 2 MB of code). */
const output = () => (generated ??= generate(loadSpecs()))

describe("generated code", () => {
  it.skipIf(!specPresent)("is up to date with ../shared/spec", () => {
    const files = output()
    assert.isAbove(files.size, 300)
    assert.deepStrictEqual(staleFiles(files, defaultOutDir()), [])
  })

  it.skipIf(!specPresent)("the README's table of the methods no official SDK has is up to date", () => {
    const table = readmeTable(loadSpecs())
    assert.include(table, "| 2.16 | `conversations.mergeConversation` | POST | `/conversations/{id}/merge` |")
    assert.isUndefined(staleReadme(table, defaultReadme()))
  })

  it.skipIf(!specPresent)("marks every generated file as generated", () => {
    for (const content of output().values()) {
      // in the opening JSDoc, the module comment docgen and editors show
      assert.isTrue(content.startsWith("/**") && content.slice(0, 800).includes(GENERATED_MARK))
    }
  })
})
