/**
 * The two coercions of the tolerant (response) flavour, used by generated
 * schemas where the generator's rules say Intercom sends a value in another
 * JSON type than the spec declares (the rules and their evidence are in
 * `packages/codegen/src/schemas.ts`):
 *
 * - `IdString`: an id the spec declares a string that arrives as a number
 *   (`last_closed_by_id: 10553731`) decodes to its string (`"10553731"`), so it
 *   compares equal to the same id elsewhere in the payload;
 * - `NumberFromNumeric`: an integer id or a counter that arrives as a numeric
 *   string (`per_page: "100"`) decodes to the number.
 *
 * Each is a Schema transformation (the full decode describes a failure with
 * it) annotated with its fast form (`FastDecode`): an allocation-free `is` on
 * the encoded side and the `decode` itself, which `check.ts` compiles into the
 * in-place normalisation of a parsed response. Both are typed with the type
 * they decode to as their encoded type too: encoding gives that type back
 * (a string id encodes to the string, a number to the number), so
 * `Schema.Schema<string>` and `Schema.Schema<number>` are honest.
 */
import * as Schema from "effect/Schema"

/** @internal The annotation that carries a coercion's fast form. */
export const FastDecode: unique symbol = Symbol.for("@effect-intercom/client/internal/tolerant/FastDecode")

/** @internal A coercion's fast form: both must agree with the Schema transformation they annotate. */
export interface FastDecode {
  /** Whether the Schema decode succeeds: allocation-free, on the encoded side. */
  readonly is: (u: unknown) => boolean
  /** The decoded value of a `u` that `is` accepts. */
  readonly decode: (u: unknown) => unknown
}

/** A JSON number written as a string: the JSON grammar exactly (no spaces, no leading zeros, no `+`, no hex). */
const numeric = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/

const isFiniteNumber = (u: unknown): u is number => typeof u === "number" && Number.isFinite(u)

const idString: FastDecode = {
  is: (u) => typeof u === "string" || isFiniteNumber(u),
  decode: (u) => (typeof u === "number" ? String(u) : u)
}

const numberFromNumeric: FastDecode = {
  is: (u) =>
    typeof u === "number"
      ? Number.isFinite(u)
      : typeof u === "string" && numeric.test(u) && Number.isFinite(Number(u)),
  decode: (u) => (typeof u === "string" ? Number(u) : u)
}

/**
 * An id declared a string: a string, or a finite number decoded to its string.
 *
 * @internal
 */
export const IdString: Schema.Schema<string> = /*#__PURE__*/ Schema.transform(
  Schema.Union(Schema.String, Schema.Finite),
  Schema.String,
  { strict: true, decode: (u) => (typeof u === "number" ? String(u) : u), encode: (s) => s }
).annotations({ identifier: "IdString", [FastDecode]: idString }) as unknown as Schema.Schema<string>

/**
 * A number declared an integer or a number: a finite number, or a numeric
 * string (the JSON number grammar) decoded to its number.
 *
 * @internal
 */
export const NumberFromNumeric: Schema.Schema<number> = /*#__PURE__*/ Schema.transform(
  Schema.Union(
    Schema.Finite,
    Schema.String.pipe(
      Schema.pattern(numeric, { description: "a numeric string" }),
      Schema.filter((s) => Number.isFinite(Number(s)), { description: "a numeric string of a finite number" })
    )
  ),
  // what it decodes to is finite (the type side, which `Schema.is` and `Arbitrary` read)
  Schema.Finite,
  { strict: true, decode: (u) => (typeof u === "string" ? Number(u) : u), encode: (n) => n }
).annotations({ identifier: "NumberFromNumeric", [FastDecode]: numberFromNumeric }) as unknown as Schema.Schema<
  number
>
