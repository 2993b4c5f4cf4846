/**
 * Names: from the spec's snake_case to the TypeScript identifiers we emit.
 */

const words = (s: string): Array<string> =>
  s
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")

export const pascal = (s: string): string =>
  words(s)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("")

export const camel = (s: string): string => {
  const p = pascal(s)
  return p[0].toLowerCase() + p.slice(1)
}

const reserved = new Set([
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "let",
  "static",
  "implements",
  "interface",
  "package",
  "private",
  "protected",
  "public",
  "await"
])

export const isReserved = (s: string): boolean => reserved.has(s)

/** A property key as it must be written in an object literal or interface. */
export const propertyKey = (key: string): string => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key))

/** Text safe inside a JSDoc block. */
export const docText = (s: string | undefined): string =>
  (s ?? "")
    .replace(/\*\//g, "*\\/")
    .replace(/\r/g, "")
    .trim()

export const jsdoc = (lines: ReadonlyArray<string | undefined>, indent = ""): string => {
  const body = lines
    .filter((l): l is string => l !== undefined)
    .flatMap((l) => l.split("\n"))
  if (body.length === 0) return ""
  return `${indent}/**\n${body.map((l) => `${indent} *${l === "" ? "" : " " + l}`).join("\n")}\n${indent} */\n`
}
