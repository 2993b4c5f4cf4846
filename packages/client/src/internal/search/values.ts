/**
 * Search values on the wire: dates (`Date`, `DateTime`) as Unix seconds,
 * booleans as `"true"` / `"false"` (the request schema's `value` is a string,
 * an integer or an array of them: it has no boolean), everything else as it
 * is.
 *
 * @internal
 */
import * as DateTime from "effect/DateTime"

/** @internal */
export const isDate = (u: unknown): u is Date | DateTime.DateTime => u instanceof Date || DateTime.isDateTime(u)

/** Unix seconds (rounded down); `NaN` for an invalid `Date`, which the check reports. @internal */
export const toSeconds = (date: Date | DateTime.DateTime): number =>
  Math.floor((date instanceof Date ? date.getTime() : DateTime.toEpochMillis(date)) / 1000)

/** One value, or each value of an array, in its wire form. @internal */
export const toWire = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(scalar)
  return scalar(value)
}

const scalar = (value: unknown): unknown =>
  isDate(value) ? toSeconds(value) : typeof value === "boolean" ? (value ? "true" : "false") : value
