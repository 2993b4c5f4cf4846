/**
 * A tracer that keeps every span it makes, with its attributes, events,
 * links and exit (the way an exporter would see them), and helpers that
 * serialise everything the ways exporters and loggers do: `JSON.stringify`,
 * `util.inspect` (depth Infinity), `String`/`toString`, along `cause` chains.
 */
import type * as Exit from "effect/Exit"
import * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"
import * as util from "node:util"

export interface RecordedSpan {
  readonly name: string
  readonly spanId: string
  readonly parentId: string | undefined
  readonly attributes: Map<string, unknown>
  readonly events: Array<{ readonly name: string; readonly attributes: Record<string, unknown> | undefined }>
  readonly span: Tracer.Span
  exit: Exit.Exit<unknown, unknown> | undefined
}

export const make = () => {
  const spans: Array<RecordedSpan> = []
  let id = 0
  const tracer = Tracer.make({
    span: (name, parent, context, links, startTime, kind) => {
      const spanId = `span${++id}`
      const attributes = new Map<string, unknown>()
      const mutableLinks = [...links]
      const span: Tracer.Span & { status: Tracer.SpanStatus } = {
        _tag: "Span",
        name,
        spanId,
        traceId: "trace1",
        parent,
        context,
        status: { _tag: "Started", startTime },
        attributes,
        links: mutableLinks,
        sampled: true,
        kind,
        end: (endTime, exit) => {
          recorded.exit = exit
          span.status = { _tag: "Ended", startTime, endTime, exit }
        },
        attribute: (key, value) => void attributes.set(key, value),
        event: (name, _time, attributes) => void recorded.events.push({ name, attributes }),
        addLinks: (links) => {
          for (const link of links) mutableLinks.push(link)
        }
      }
      const recorded: RecordedSpan = {
        name,
        spanId,
        parentId: Option.getOrUndefined(Option.map(parent, (p) => p.spanId)),
        attributes,
        events: [],
        span,
        exit: undefined
      }
      spans.push(recorded)
      return span
    },
    context: (f) => f()
  })
  return { spans, tracer }
}

const replacer = (_key: string, value: unknown) =>
  typeof value === "bigint" ? String(value) : value instanceof Map ? [...value] : value

const safe = (f: () => string): string => {
  try {
    return f()
  } catch (e) {
    return `<threw ${String(e)}>`
  }
}

/** Every serialisation of one value: JSON, inspect (depth Infinity, and the default depth), String, toString. */
export const serialise = (value: unknown): Array<string> => [
  safe(() => JSON.stringify(value, replacer) ?? ""),
  safe(() => util.inspect(value, { depth: Infinity })),
  safe(() => util.inspect(value)),
  safe(() => String(value)),
  safe(() =>
    typeof value === "object" && value !== null && typeof (value as any).toString === "function"
      ? (value as any).toString()
      : ""
  )
]

/** `value`, and each `cause` below it (bounded). */
export const causeChain = (value: unknown): Array<unknown> => {
  const out: Array<unknown> = []
  let current = value
  for (let i = 0; i < 10 && current !== undefined && current !== null; i++) {
    out.push(current)
    current = typeof current === "object" ? (current as { cause?: unknown }).cause : undefined
  }
  return out
}

/** Everything about the spans, serialised every way, as labelled strings. */
export const dumpSpans = (spans: ReadonlyArray<RecordedSpan>): Array<readonly [label: string, text: string]> => {
  const out: Array<readonly [string, string]> = []
  for (const s of spans) {
    const add = (what: string, value: unknown) => {
      const forms = serialise(value)
      const names = ["JSON.stringify", "util.inspect(depth Infinity)", "util.inspect", "String", "toString"]
      forms.forEach((text, i) => out.push([`${s.name} ${what} ${names[i]}`, text]))
    }
    add("span", s.span)
    add("attributes", s.attributes)
    for (const [key, value] of s.attributes) add(`attribute ${key}`, value)
    add("events", s.events)
    add("links", s.span.links)
    add("exit", s.exit)
    if (s.exit !== undefined && s.exit._tag === "Failure") {
      add("exit.cause", s.exit.cause)
      for (const failure of s.exit.cause.toJSON() ? collectFailures(s.exit.cause) : []) {
        causeChain(failure).forEach((c, i) => add(`failure cause[${i}]`, c))
      }
    }
  }
  return out
}

const collectFailures = (cause: unknown): Array<unknown> => {
  const out: Array<unknown> = []
  const go = (c: any, depth: number) => {
    if (c === null || typeof c !== "object" || depth > 20) return
    switch (c._tag) {
      case "Fail":
        out.push(c.error)
        return
      case "Die":
        out.push(c.defect)
        return
      case "Sequential":
      case "Parallel":
        go(c.left, depth + 1)
        go(c.right, depth + 1)
        return
    }
  }
  go(cause, 0)
  return out
}

/** Occurrences of `needle` in the labelled texts, with the labels where it was found. */
export const occurrences = (
  texts: ReadonlyArray<readonly [label: string, text: string]>,
  needle: string
): { readonly count: number; readonly where: Array<string> } => {
  let count = 0
  const where: Array<string> = []
  for (const [label, text] of texts) {
    const n = text.split(needle).length - 1
    if (n > 0) {
      count += n
      where.push(`${label} (${n})`)
    }
  }
  return { count, where }
}
