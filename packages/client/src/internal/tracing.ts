/**
 * The span of an operation: its name and attributes, and whether a tracer
 * that records anything is installed.
 */
import * as Effect from "effect/Effect"
import type * as Tracer from "effect/Tracer"
import type { Operation } from "../Operation.js"

let nativeTracer: Tracer.Tracer | undefined
/** Effect's default tracer, which records nothing anyone reads unless a tracer is installed. */
/** @internal */
export const defaultTracer = (): Tracer.Tracer => (nativeTracer ??= Effect.runSync(Effect.tracer))

const spanNames = new WeakMap<Operation<any, any, any>, string>()
/** @internal */
export const spanName = (op: Operation<any, any, any>): string => {
  let name = spanNames.get(op)
  if (name === undefined) {
    name = `Intercom.${op.name}`
    spanNames.set(op, name)
  }
  return name
}

/** @internal */
export const spanAttributes = (op: Operation<any, any, any>): Record<string, unknown> => ({
  "intercom.operation": op.name,
  ...(op.operationId !== undefined ? { "intercom.operation_id": op.operationId } : {}),
  "intercom.api": op.api,
  "http.request.method": op.method,
  "http.route": op.path
})
