/**
 * Formats generated code with dprint and the repository's settings
 * (`dprint.json` at the root, which ESLint's `@effect/dprint` rule reads too),
 * so generated files read like the rest of the code and pass the same lint.
 */
import { createFromBuffer, type Formatter } from "@dprint/formatter"
import { getPath } from "@dprint/typescript"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"

const settingsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../dprint.json")

/** The dprint settings for TypeScript shared by the generator and ESLint. */
const settings: Record<string, unknown> = JSON.parse(fs.readFileSync(settingsFile, "utf8")).typescript

let formatter: Formatter | undefined

/** `text` formatted as the TypeScript file `filePath`. */
export const format = (filePath: string, text: string): string => {
  formatter ??= createFromBuffer(fs.readFileSync(getPath()))
  return formatter.formatText({ filePath, fileText: text, overrideConfig: settings })
}
