/**
 * R6, described values: a request string whose allowed values the spec
 * gives only in words is typed as those literals or any string
 * (`"plain" | "personal" | (string & {})`): the editor completes the known
 * values, and a value Intercom accepts that the text does not list still
 * passes (the schema stays `Schema.String`; nothing changes at run time).
 * Only in the strict (request) flavour: responses already type their enums
 * this way (`schemas.ts`). A declared `enum:` stays closed: no evidence says
 * Intercom accepts more values for one (`in_app` / `inapp`, the one case
 * there was, is a patch: `patches.ts`).
 *
 * Two sources, each with its evidence:
 *
 * - the description lists the values as code, in one of the spec's phrasings
 *   (`describedValues`): "Possible values `plain` or `personal`"
 *   (`create_message_request.template`), "One of `published`, `draft` or
 *   `all`" (`articles.search`'s `state`), "can either be a `collection` or
 *   `section`" (`parent_type`), "Accepts `lead` or `user`"
 *   (`convert_visitor_request.type`), or a description that opens with the
 *   list ("`asc` or `desc`. Return the companies in …", `companies.list`'s
 *   `order`). A list in another sentence is not the field's values: "The
 *   `id` of the `admin` or `team` which will be assigned" (`assignee_id`)
 *   names what the id is of;
 * - `NAMED`: fields whose values the spec states elsewhere, or in words
 *   without code spans, each with the quote.
 */
import type { Node } from "./spec.js"

/** A value in a list: a lower-case word (`plain`, `opt_in`). */
const value = "`([a-z][a-z0-9_]*)`"

const list = new RegExp(`${value}(?:, ${value})*,? or ${value}`, "g")

/** What introduces the field's own values right before the list. */
const cue = /(?:possible values|one of|either(?: be)?(?: an?)?|accepts|values:?)\s*$/i

/** The values a description lists for its field, if it does in one of the phrasings above. */
export const describedValues = (description: unknown): ReadonlyArray<string> | undefined => {
  if (typeof description !== "string") return undefined
  const text = description.replace(/\s+/g, " ").trim()
  for (const match of text.matchAll(list)) {
    const before = text.slice(0, match.index)
    if (match.index === 0 || cue.test(before)) {
      return [...match[0].matchAll(/`([^`]+)`/g)].map((m) => m[1])
    }
  }
  return undefined
}

interface Named {
  readonly values: ReadonlyArray<string>
  readonly evidence: string
}

const role: Named = {
  values: ["user", "lead"],
  evidence: "`contacts.search`'s description, Accepted Fields: `role | String<br>Accepts user or lead` (2.14 and " +
    "Preview); `contacts.merge`'s: \"You can merge a contact with a `role` of `lead` into a contact with a `role` " +
    "of `user`\" (2.15, 2.16); the fake answers 400 \"role must be user or lead\""
}

/**
 * Fields by owner (a component, or `METHOD /path` for an operation's inline
 * body and parameters; `query.`/`path.` for parameters) and name.
 */
const NAMED: ReadonlyMap<string, Named> = new Map([
  ["create_contact_request.role", role],
  ["update_contact_request.role", role],
  ["POST /contacts/{contact_id}/subscriptions.consent_type", {
    values: ["opt_in", "opt_out"],
    evidence: "its description: \"The consent_type of a subscription, opt_out or opt_in.\"; " +
      "`subscription_type.consent_type` is `enum: [opt_out, opt_in]`"
  }],
  ["GET /events query.type", { values: ["user"], evidence: "its description: \"The value must be user\"" }],
  ["POST /conversations/{conversation_id}/reply path.conversation_id", {
    values: ["last"],
    evidence:
      "its description: \"The Intercom provisioned identifier for the conversation or the string \\\"last\\\" " +
      "to reply to the last part of the conversation\""
  }],
  ["POST /conversations/{id}/reply path.id", {
    values: ["last"],
    evidence: "the same description in the Preview"
  }]
])

/** Whether a schema is a plain string (no enum, no composition, no reference). */
const isPlainString = (s: Node): boolean =>
  s !== null && typeof s === "object" && s.type === "string" && !Array.isArray(s.enum) && s.$ref === undefined &&
  s.oneOf === undefined && s.anyOf === undefined && s.allOf === undefined

/**
 * The known values of a request field (`owner`: its component or `METHOD
 * /path`; `key`: its name, `query.<name>` / `path.<name>` for a parameter),
 * if R6 gives any.
 */
export const knownValues = (
  owner: string | undefined,
  key: string,
  schema: Node,
  description: unknown = schema?.description
): ReadonlyArray<string> | undefined => {
  if (!isPlainString(schema)) return undefined
  const named = owner === undefined ? undefined : NAMED.get(`${owner}${key.includes(".") ? " " : "."}${key}`)
  return named?.values ?? describedValues(description ?? schema.description)
}

/** The TypeScript type of a string with known values: the literals, or any string. */
export const openLiterals = (values: ReadonlyArray<string>): string =>
  `${values.map((v) => JSON.stringify(v)).join(" | ")} | (string & {})`
