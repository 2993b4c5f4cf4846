/**
 * A typed builder for Intercom's search queries (`contacts.search`,
 * `conversations.search`, `tickets.search` and their Preview twins), checked
 * before anything is sent.
 *
 * A filter names a field of the resource, an operator its type allows and a
 * value of that type: `Search.contacts.where("email", "$", "@example.com")`,
 * or `Search.contacts.field("created_at").after(date)`. `Search.and` and
 * `Search.or` group filters and groups. What they build is the wire query
 * itself (dates as Unix seconds, booleans as `"true"` / `"false"`), so it can
 * go straight into `intercom.contacts.search({ query })`.
 *
 * `Search.validate` checks a query (typed, raw, or from untyped JavaScript)
 * against the limits Intercom documents (at most 2 levels of nested groups, at
 * most 15 filters per group, operators that fit the field's type, arrays for
 * `IN` / `NIN`, known fields) and fails with an
 * `IntercomError.InvalidInputError` naming the JSON path; `Search.request`,
 * `Search.page`, `Search.pages` and `Search.stream` check, then send.
 *
 * ```ts
 * import * as Search from "@effect-intercom/client/Search"
 * import * as Stream from "effect/Stream"
 *
 * const query = Search.and(
 *   Search.contacts.where("email", "$", "@example.com"),
 *   Search.contacts.field("created_at").after(new Date("2024-01-01")),
 *   Search.or(
 *     Search.contacts.where("role", "=", "user"),
 *     Search.contacts.where("custom_attributes.plan", "IN", ["pro", "team"])
 *   )
 * )
 *
 * // every matching contact, 150 per request; an invalid query fails with
 * // InvalidInputError before anything is sent
 * const emails = Search.stream(query, Search.contacts, { per_page: 150 }).pipe(
 *   Stream.map((contact) => contact.email),
 *   Stream.runCollect
 * )
 * ```
 *
 * @since 0.1.0
 */
import type * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { dual } from "effect/Function"
import * as Stream from "effect/Stream"
import * as StableContacts from "./generated/stable/Contacts.js"
import * as StableConversations from "./generated/stable/Conversations.js"
import type * as StableSchemas from "./generated/stable/Schemas.js"
import * as StableTickets from "./generated/stable/Tickets.js"
import * as UnstableContacts from "./generated/unstable/Contacts.js"
import * as UnstableConversations from "./generated/unstable/Conversations.js"
import type * as UnstableSchemas from "./generated/unstable/Schemas.js"
import * as UnstableTickets from "./generated/unstable/Tickets.js"
import type * as IntercomClient from "./IntercomClient.js"
import type * as IntercomError from "./IntercomError.js"
import * as checks from "./internal/search/validate.js"
import { toWire } from "./internal/search/values.js"
import * as Operation from "./Operation.js"
import * as Pagination from "./Pagination.js"

// -----------------------------------------------------------------------------
// models
// -----------------------------------------------------------------------------

/**
 * The type of a searchable field, as Intercom's "Accepted Fields" tables give
 * it: `String`, `Integer`, `Date (UNIX Timestamp)`, `Boolean`; `any` for the
 * fields open to any name (`custom_attributes.<name>`,
 * `ticket_attribute.<id>`), whose type depends on the attribute.
 *
 * @since 0.1.0
 * @category models
 */
export type FieldType = "string" | "integer" | "date" | "boolean" | "any"

/**
 * The operators of a filter.
 *
 * @since 0.1.0
 * @category models
 */
export type Operator = "=" | "!=" | "IN" | "NIN" | "<" | ">" | "~" | "!~" | "^" | "$"

/**
 * The operators valid for every type (`All` in Intercom's table).
 *
 * @since 0.1.0
 * @category models
 */
export type EqualityOperator = "=" | "!=" | "IN" | "NIN"

/**
 * The operators of strings: `~` contains, `!~` does not contain, `^` starts
 * with, `$` ends with.
 *
 * @since 0.1.0
 * @category models
 */
export type StringOperator = EqualityOperator | "~" | "!~" | "^" | "$"

/**
 * The operators of integers and dates: `<` lower than, `>` greater than.
 *
 * @since 0.1.0
 * @category models
 */
export type OrderOperator = EqualityOperator | "<" | ">"

/**
 * The operators a field type allows.
 *
 * @since 0.1.0
 * @category models
 */
export type OperatorOf<T extends FieldType> = T extends "string" ? StringOperator
  : T extends "integer" | "date" ? OrderOperator
  : T extends "boolean" ? EqualityOperator
  : Operator

/**
 * The operators of each field type, from the "Accepted Operators" table of
 * Intercom's search descriptions (the same for contacts, conversations and
 * tickets):
 *
 * ```text
 * | Operator | Valid Types                      | Description                                                      |
 * | :------- | :------------------------------- | :--------------------------------------------------------------- |
 * | =        | All                              | Equals                                                           |
 * | !=       | All                              | Doesn't Equal                                                    |
 * | IN       | All                              | In<br>Shortcut for `OR` queries<br>Values must be in Array       |
 * | NIN      | All                              | Not In<br>Shortcut for `OR !` queries<br>Values must be in Array |
 * | >        | Integer<br>Date (UNIX Timestamp) | Greater than                                                     |
 * | <        | Integer<br>Date (UNIX Timestamp) | Lower than                                                       |
 * | ~        | String                           | Contains                                                         |
 * | !~       | String                           | Doesn't Contain                                                  |
 * | ^        | String                           | Starts With                                                      |
 * | $        | String                           | Ends With                                                        |
 * ```
 *
 * ("The operator has to be compatible with the field's type (eg. you cannot
 * search with `>` for a given string value as it's only compatible for
 * integer's and dates).") `any` (custom and ticket attributes) allows all.
 *
 * @since 0.1.0
 * @category models
 */
export const operators: { readonly [T in FieldType]: ReadonlyArray<OperatorOf<T>> } = checks
  .OPERATORS_BY_TYPE as { readonly [T in FieldType]: ReadonlyArray<OperatorOf<T>> }

/**
 * The limits of a query: "There's a limit of max 2 nested filters" and
 * "There's a limit of max 15 filters for each AND or OR group" (the "Nesting &
 * Limitations" section of each search description). A top-level group is
 * level 1, a group inside it level 2.
 *
 * @since 0.1.0
 * @category models
 */
export const limits: { readonly maxDepth: 2; readonly maxFiltersPerGroup: 15 } = {
  maxDepth: checks.MAX_DEPTH as 2,
  maxFiltersPerGroup: checks.MAX_GROUP_SIZE as 15
}

/**
 * A date of a search: a `Date`, an Effect `DateTime`, or Unix seconds. Sent as
 * Unix seconds (rounded down).
 *
 * @since 0.1.0
 * @category models
 */
export type DateInput = Date | DateTime.DateTime | number

/**
 * A value of a field open to any name: a string, a number, a boolean or a date.
 *
 * @since 0.1.0
 * @category models
 */
export type AnyValue = string | number | boolean | Date | DateTime.DateTime

/**
 * The value of one field of a type.
 *
 * @since 0.1.0
 * @category models
 */
export type ScalarOf<T extends FieldType> = T extends "string" ? string
  : T extends "integer" ? number
  : T extends "date" ? DateInput
  : T extends "boolean" ? boolean
  : AnyValue

/**
 * The value an operator takes on a field of a type: an array for `IN` and
 * `NIN`, one value (or `null`, "no value", for `=` and `!=`) otherwise.
 *
 * @since 0.1.0
 * @category models
 */
export type ValueOf<T extends FieldType, O extends Operator> = O extends "IN" | "NIN" ? ReadonlyArray<ScalarOf<T>>
  : O extends "=" | "!=" ? ScalarOf<T> | null
  : ScalarOf<T>

/**
 * A filter on the wire: `{ field, operator, value }`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Filter {
  readonly field: string
  readonly operator: Operator
  readonly value: string | number | ReadonlyArray<string | number> | null
}

/**
 * A group on the wire: `{ operator: "AND" | "OR", value: [...] }`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Group {
  readonly operator: "AND" | "OR"
  readonly value: ReadonlyArray<Query>
}

/**
 * A query on the wire: a filter or a group. It is the `query` of the search
 * operations' body.
 *
 * @since 0.1.0
 * @category models
 */
export type Query = Filter | Group

/**
 * What `validate` and the senders accept: a built `Query`, or a raw query in
 * the shape of the search operations' input.
 *
 * @since 0.1.0
 * @category models
 */
export type QueryInput = Query | StableSchemas.SingleFilterSearchRequest | StableSchemas.MultipleFilterSearchRequest

/**
 * The searchable fields of a resource and their types.
 *
 * @since 0.1.0
 * @category models
 */
export type Fields = { readonly [field: string]: FieldType }

/**
 * The field names of a resource: its table, and any name after an open prefix.
 *
 * @since 0.1.0
 * @category models
 */
export type FieldName<F extends Fields, P extends string> = (keyof F & string) | `${P}${string}`

/**
 * The type of a field: its type in the table, `any` after an open prefix.
 *
 * @since 0.1.0
 * @category models
 */
export type TypeOf<F extends Fields, K extends string> = K extends keyof F ? F[K] : "any"

/**
 * The filters of a field valid for every type.
 *
 * @since 0.1.0
 * @category models
 */
export interface EqualityField<V> {
  readonly name: string
  /** `=` */
  readonly equals: (value: V | null) => Filter
  /** `!=` */
  readonly notEquals: (value: V | null) => Filter
  /** `IN` */
  readonly in: (values: ReadonlyArray<V>) => Filter
  /** `NIN` */
  readonly notIn: (values: ReadonlyArray<V>) => Filter
}

/**
 * The filters of a string field.
 *
 * @since 0.1.0
 * @category models
 */
export interface StringField extends EqualityField<string> {
  /** `~` */
  readonly contains: (value: string) => Filter
  /** `!~` */
  readonly notContains: (value: string) => Filter
  /** `^` */
  readonly startsWith: (value: string) => Filter
  /** `$` */
  readonly endsWith: (value: string) => Filter
}

/**
 * The filters of an integer field.
 *
 * @since 0.1.0
 * @category models
 */
export interface IntegerField extends EqualityField<number> {
  /** `>` */
  readonly greaterThan: (value: number) => Filter
  /** `<` */
  readonly lessThan: (value: number) => Filter
}

/**
 * The filters of a date field. Contacts compare dates by day: `after(t)` is a
 * later day than `t`'s, `equals(t)` the same day.
 *
 * @since 0.1.0
 * @category models
 */
export interface DateField extends EqualityField<DateInput> {
  /** `>` */
  readonly after: (value: DateInput) => Filter
  /** `<` */
  readonly before: (value: DateInput) => Filter
}

/**
 * The filters of a boolean field.
 *
 * @since 0.1.0
 * @category models
 */
export interface BooleanField extends EqualityField<boolean> {}

/**
 * The filters of a field open to any name (every operator).
 *
 * @since 0.1.0
 * @category models
 */
export interface AnyField
  extends
    EqualityField<AnyValue>,
    Omit<StringField, keyof EqualityField<string>>,
    Omit<DateField, keyof EqualityField<DateInput>>
{
  /** `>` */
  readonly greaterThan: (value: AnyValue) => Filter
  /** `<` */
  readonly lessThan: (value: AnyValue) => Filter
}

/**
 * The filters of a field of a type.
 *
 * @since 0.1.0
 * @category models
 */
export type FieldOf<T extends FieldType> = T extends "string" ? StringField
  : T extends "integer" ? IntegerField
  : T extends "date" ? DateField
  : T extends "boolean" ? BooleanField
  : AnyField

/**
 * @since 0.1.0
 * @category type ids
 */
export const TypeId: unique symbol = Symbol.for("@effect-intercom/client/Search")

/**
 * @since 0.1.0
 * @category type ids
 */
export type TypeId = typeof TypeId

/**
 * A searchable resource: its search operation, its fields, and the typed
 * constructors of its filters.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resource<F extends Fields, P extends string, I, A, E, Item> {
  readonly [TypeId]: TypeId
  /** For messages: `contacts`. */
  readonly name: string
  /** The search operation. */
  readonly operation: Operation.Operation<I, A, E>
  /** The searchable fields and their types. */
  readonly fields: F
  /** Prefixes of the fields open to any name: `custom_attributes.`. */
  readonly open: ReadonlyArray<P>
  /** A filter: a field, an operator its type allows, a value of its type. */
  readonly where: <K extends FieldName<F, P>, O extends OperatorOf<TypeOf<F, K>>>(
    field: K,
    operator: O,
    value: ValueOf<TypeOf<F, K>, O>
  ) => Filter
  /** The filters of one field, by name (`contains`, `after`, `in`, ...). */
  readonly field: <K extends FieldName<F, P>>(name: K) => FieldOf<TypeOf<F, K>>
  /** The items of a page, for the types (never set). */
  readonly "~item"?: Item
}

/**
 * The pagination of a search: `per_page` and the `starting_after` cursor.
 *
 * @since 0.1.0
 * @category models
 */
export interface Paging {
  readonly per_page?: number | undefined
  readonly starting_after?: string | null | undefined
}

/**
 * The body of a search request.
 *
 * @since 0.1.0
 * @category models
 */
export interface Request {
  readonly query: Query
  readonly pagination?: Paging
}

/**
 * The options of `pages` and `stream`: the page size and the stream's options.
 *
 * @since 0.1.0
 * @category models
 */
export interface StreamOptions extends Pagination.Options {
  /** Results per page (Intercom's default: 50 contacts, 20 conversations or tickets; at most 150). */
  readonly per_page?: number | undefined
}

// -----------------------------------------------------------------------------
// constructors
// -----------------------------------------------------------------------------

/**
 * Every filter and group satisfies `Query` and is already in its wire form:
 * `and` and `or` put them in a group as they are (no flattening), in order.
 *
 * @example
 * ```ts
 * import * as Search from "@effect-intercom/client/Search"
 *
 * const query = Search.and(
 *   Search.contacts.where("role", "=", "user"),
 *   Search.contacts.where("email_domain", "IN", ["example.com", "example.org"])
 * )
 * // { operator: "AND", value: [
 * //   { field: "role", operator: "=", value: "user" },
 * //   { field: "email_domain", operator: "IN", value: ["example.com", "example.org"] } ] }
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const and = (...queries: ReadonlyArray<Query>): Group => ({ operator: "AND", value: queries })

/**
 * A group that matches when any of its filters and groups does.
 *
 * @example
 * ```ts
 * import * as Search from "@effect-intercom/client/Search"
 *
 * const open = Search.or(
 *   Search.conversations.where("state", "=", "open"),
 *   Search.conversations.field("snoozed_until").after(new Date())
 * )
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const or = (...queries: ReadonlyArray<Query>): Group => ({ operator: "OR", value: queries })

const filter = (field: string, operator: Operator, value: unknown): Filter => ({
  field,
  operator,
  value: toWire(value) as Filter["value"]
})

const fieldOf = (name: string): AnyField => ({
  name,
  equals: (value) => filter(name, "=", value),
  notEquals: (value) => filter(name, "!=", value),
  in: (values) => filter(name, "IN", values),
  notIn: (values) => filter(name, "NIN", values),
  contains: (value) => filter(name, "~", value),
  notContains: (value) => filter(name, "!~", value),
  startsWith: (value) => filter(name, "^", value),
  endsWith: (value) => filter(name, "$", value),
  greaterThan: (value) => filter(name, ">", value),
  lessThan: (value) => filter(name, "<", value),
  after: (value) => filter(name, ">", value),
  before: (value) => filter(name, "<", value)
})

/**
 * A searchable resource from its search operation and its fields. The six
 * resources of Intercom's API are below (`contacts`, `conversations`,
 * `tickets`, `unstable.*`); `extend` adds fields to one of them.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <const F extends Fields, const P extends string, I, A, E, Item = unknown>(options: {
  readonly name: string
  readonly operation: Operation.Operation<I, A, E>
  readonly fields: F
  readonly open: ReadonlyArray<P>
}): Resource<F, P, I, A, E, Item> => ({
  [TypeId]: TypeId,
  name: options.name,
  operation: options.operation,
  fields: options.fields,
  open: options.open,
  where: (field, operator, value) => filter(field, operator, value),
  field: (name) => fieldOf(name) as never
})

/**
 * Adds fields to a resource (a field Intercom added after this table, a
 * spelling the table does not have): typed and accepted by `validate`.
 *
 * @example
 * ```ts
 * import * as Search from "@effect-intercom/client/Search"
 *
 * // the contact model's spelling, beside the table's `andoid_sdk_version`
 * const contacts = Search.extend(Search.contacts, { android_sdk_version: "string" })
 * const filter = contacts.where("android_sdk_version", "^", "12.")
 * ```
 *
 * @since 0.1.0
 * @category combinators
 */
export const extend: {
  <const G extends Fields>(
    fields: G
  ): <F extends Fields, P extends string, I, A, E, Item>(
    self: Resource<F, P, I, A, E, Item>
  ) => Resource<Omit<F, keyof G> & G, P, I, A, E, Item>
  <F extends Fields, P extends string, I, A, E, Item, const G extends Fields>(
    self: Resource<F, P, I, A, E, Item>,
    fields: G
  ): Resource<Omit<F, keyof G> & G, P, I, A, E, Item>
} = dual(
  2,
  <F extends Fields, P extends string, I, A, E, Item, const G extends Fields>(
    self: Resource<F, P, I, A, E, Item>,
    fields: G
  ): Resource<Omit<F, keyof G> & G, P, I, A, E, Item> =>
    make({
      name: self.name,
      operation: self.operation,
      fields: { ...self.fields, ...fields },
      open: self.open
    }) as never
)

/**
 * @since 0.1.0
 * @category guards
 */
export const isResource = (u: unknown): u is Resource<Fields, string, unknown, unknown, unknown, unknown> =>
  typeof u === "object" && u !== null && TypeId in u

// -----------------------------------------------------------------------------
// resources
// -----------------------------------------------------------------------------

/**
 * The searchable fields of contacts, from the "Accepted Fields" table of
 * `POST /contacts/search` (intercom-2.14.yaml, "Search contacts"), as
 * written there (`andoid_sdk_version` included; `extend` adds a spelling):
 *
 * ```text
 * | Field                              | Type                           |
 * | ---------------------------------- | ------------------------------ |
 * | id                                 | String                         |
 * | role                               | String<br>Accepts user or lead |
 * | name                               | String                         |
 * | avatar                             | String                         |
 * | owner_id                           | Integer                        |
 * | email                              | String                         |
 * | email_domain                       | String                         |
 * | phone                              | String                         |
 * | external_id                        | String                         |
 * | created_at                         | Date (UNIX Timestamp)          |
 * | signed_up_at                       | Date (UNIX Timestamp)          |
 * | updated_at                         | Date (UNIX Timestamp)          |
 * | last_seen_at                       | Date (UNIX Timestamp)          |
 * | last_contacted_at                  | Date (UNIX Timestamp)          |
 * | last_replied_at                    | Date (UNIX Timestamp)          |
 * | last_email_opened_at               | Date (UNIX Timestamp)          |
 * | last_email_clicked_at              | Date (UNIX Timestamp)          |
 * | language_override                  | String                         |
 * | browser                            | String                         |
 * | browser_language                   | String                         |
 * | os                                 | String                         |
 * | location.country                   | String                         |
 * | location.region                    | String                         |
 * | location.city                      | String                         |
 * | unsubscribed_from_emails           | Boolean                        |
 * | marked_email_as_spam               | Boolean                        |
 * | has_hard_bounced                   | Boolean                        |
 * | ios_last_seen_at                   | Date (UNIX Timestamp)          |
 * | ios_app_version                    | String                         |
 * | ios_device                         | String                         |
 * | ios_app_device                     | String                         |
 * | ios_os_version                     | String                         |
 * | ios_app_name                       | String                         |
 * | ios_sdk_version                    | String                         |
 * | android_last_seen_at               | Date (UNIX Timestamp)          |
 * | android_app_version                | String                         |
 * | android_device                     | String                         |
 * | android_app_name                   | String                         |
 * | andoid_sdk_version                 | String                         |
 * | segment_id                         | String                         |
 * | tag_id                             | String                         |
 * | custom_attributes.{attribute_name} | String                         |
 * ```
 *
 * `custom_attributes.<name>` is open to any name, with every operator: custom
 * attributes are strings, integers, floats, booleans or dates.
 *
 * @since 0.1.0
 * @category fields
 */
export const contactFields = {
  id: "string",
  role: "string",
  name: "string",
  avatar: "string",
  owner_id: "integer",
  email: "string",
  email_domain: "string",
  phone: "string",
  external_id: "string",
  created_at: "date",
  signed_up_at: "date",
  updated_at: "date",
  last_seen_at: "date",
  last_contacted_at: "date",
  last_replied_at: "date",
  last_email_opened_at: "date",
  last_email_clicked_at: "date",
  language_override: "string",
  browser: "string",
  browser_language: "string",
  os: "string",
  "location.country": "string",
  "location.region": "string",
  "location.city": "string",
  unsubscribed_from_emails: "boolean",
  marked_email_as_spam: "boolean",
  has_hard_bounced: "boolean",
  ios_last_seen_at: "date",
  ios_app_version: "string",
  ios_device: "string",
  ios_app_device: "string",
  ios_os_version: "string",
  ios_app_name: "string",
  ios_sdk_version: "string",
  android_last_seen_at: "date",
  android_app_version: "string",
  android_device: "string",
  android_app_name: "string",
  andoid_sdk_version: "string",
  segment_id: "string",
  tag_id: "string"
} as const satisfies Fields

/**
 * The searchable fields of contacts on the Preview API: the same table with
 * one more row (intercom-preview.yaml, "Search contacts"):
 *
 * ```text
 * | formatted_phone                    | String                         |
 * ```
 *
 * @since 0.1.0
 * @category fields
 */
export const previewContactFields = {
  ...contactFields,
  formatted_phone: "string"
} as const satisfies Fields

/**
 * The searchable fields of conversations, from the "Accepted Fields" table
 * of `POST /conversations/search` (intercom-2.14.yaml and
 * intercom-preview.yaml, "Search conversations"; the same in both), as
 * written there (`conversation_rating.admin_d` included):
 *
 * ```text
 * | Field                                     | Type                  |
 * | :---------------------------------------- | :-------------------- |
 * | id                                        | String                |
 * | created_at                                | Date (UNIX timestamp) |
 * | updated_at                                | Date (UNIX timestamp) |
 * | source.type                               | String<br>Accepted fields are `conversation`, `email`, `facebook`, `instagram`, `phone_call`, `phone_switch`, `push`, `sms`, `twitter` and `whatsapp`. |
 * | source.id                                 | String                |
 * | source.delivered_as                       | String                |
 * | source.subject                            | String                |
 * | source.body                               | String                |
 * | source.author.id                          | String                |
 * | source.author.type                        | String                |
 * | source.author.name                        | String                |
 * | source.author.email                       | String                |
 * | source.url                                | String                |
 * | contact_ids                               | String                |
 * | teammate_ids                              | String                |
 * | admin_assignee_id                         | String                |
 * | team_assignee_id                          | String                |
 * | channel_initiated                         | String                |
 * | open                                      | Boolean               |
 * | read                                      | Boolean               |
 * | state                                     | String                |
 * | waiting_since                             | Date (UNIX timestamp) |
 * | snoozed_until                             | Date (UNIX timestamp) |
 * | tag_ids                                   | String                |
 * | priority                                  | String                |
 * | statistics.time_to_assignment             | Integer               |
 * | statistics.time_to_admin_reply            | Integer               |
 * | statistics.time_to_first_close            | Integer               |
 * | statistics.time_to_last_close             | Integer               |
 * | statistics.median_time_to_reply           | Integer               |
 * | statistics.first_contact_reply_at         | Date (UNIX timestamp) |
 * | statistics.first_assignment_at            | Date (UNIX timestamp) |
 * | statistics.first_admin_reply_at           | Date (UNIX timestamp) |
 * | statistics.first_close_at                 | Date (UNIX timestamp) |
 * | statistics.last_assignment_at             | Date (UNIX timestamp) |
 * | statistics.last_assignment_admin_reply_at | Date (UNIX timestamp) |
 * | statistics.last_contact_reply_at          | Date (UNIX timestamp) |
 * | statistics.last_admin_reply_at            | Date (UNIX timestamp) |
 * | statistics.last_close_at                  | Date (UNIX timestamp) |
 * | statistics.last_closed_by_id              | String                |
 * | statistics.count_reopens                  | Integer               |
 * | statistics.count_assignments              | Integer               |
 * | statistics.count_conversation_parts       | Integer               |
 * | conversation_rating.requested_at          | Date (UNIX timestamp) |
 * | conversation_rating.replied_at            | Date (UNIX timestamp) |
 * | conversation_rating.score                 | Integer               |
 * | conversation_rating.remark                | String                |
 * | conversation_rating.contact_id            | String                |
 * | conversation_rating.admin_d               | String                |
 * | ai_agent_participated                     | Boolean               |
 * | ai_agent.resolution_state                 | String                |
 * | ai_agent.last_answer_type                 | String                |
 * | ai_agent.rating                           | Integer               |
 * | ai_agent.rating_remark                    | String                |
 * | ai_agent.source_type                      | String                |
 * | ai_agent.source_title                     | String                |
 * ```
 *
 * The table has no `custom_attributes` row, but "Most keys listed in the
 * conversation model are searchable" and the model has `custom_attributes`:
 * `custom_attributes.<name>` is open to any name, with every operator.
 *
 * @since 0.1.0
 * @category fields
 */
export const conversationFields = {
  id: "string",
  created_at: "date",
  updated_at: "date",
  "source.type": "string",
  "source.id": "string",
  "source.delivered_as": "string",
  "source.subject": "string",
  "source.body": "string",
  "source.author.id": "string",
  "source.author.type": "string",
  "source.author.name": "string",
  "source.author.email": "string",
  "source.url": "string",
  contact_ids: "string",
  teammate_ids: "string",
  admin_assignee_id: "string",
  team_assignee_id: "string",
  channel_initiated: "string",
  open: "boolean",
  read: "boolean",
  state: "string",
  waiting_since: "date",
  snoozed_until: "date",
  tag_ids: "string",
  priority: "string",
  "statistics.time_to_assignment": "integer",
  "statistics.time_to_admin_reply": "integer",
  "statistics.time_to_first_close": "integer",
  "statistics.time_to_last_close": "integer",
  "statistics.median_time_to_reply": "integer",
  "statistics.first_contact_reply_at": "date",
  "statistics.first_assignment_at": "date",
  "statistics.first_admin_reply_at": "date",
  "statistics.first_close_at": "date",
  "statistics.last_assignment_at": "date",
  "statistics.last_assignment_admin_reply_at": "date",
  "statistics.last_contact_reply_at": "date",
  "statistics.last_admin_reply_at": "date",
  "statistics.last_close_at": "date",
  "statistics.last_closed_by_id": "string",
  "statistics.count_reopens": "integer",
  "statistics.count_assignments": "integer",
  "statistics.count_conversation_parts": "integer",
  "conversation_rating.requested_at": "date",
  "conversation_rating.replied_at": "date",
  "conversation_rating.score": "integer",
  "conversation_rating.remark": "string",
  "conversation_rating.contact_id": "string",
  "conversation_rating.admin_d": "string",
  ai_agent_participated: "boolean",
  "ai_agent.resolution_state": "string",
  "ai_agent.last_answer_type": "string",
  "ai_agent.rating": "integer",
  "ai_agent.rating_remark": "string",
  "ai_agent.source_type": "string",
  "ai_agent.source_title": "string"
} as const satisfies Fields

/**
 * The searchable fields of tickets, from the "Accepted Fields" table of
 * `POST /tickets/search` (intercom-2.14.yaml and intercom-preview.yaml,
 * "Search tickets"; the same in both):
 *
 * ```text
 * | Field                 | Type                                                           |
 * | :-------------------- | :------------------------------------------------------------- |
 * | id                    | String                                                         |
 * | created_at            | Date (UNIX timestamp)                                          |
 * | updated_at            | Date (UNIX timestamp)                                          |
 * | title                 | String                                                         |
 * | description           | String                                                         |
 * | category              | String                                                         |
 * | ticket_type_id        | String                                                         |
 * | contact_ids           | String                                                         |
 * | teammate_ids          | String                                                         |
 * | admin_assignee_id     | String                                                         |
 * | team_assignee_id      | String                                                         |
 * | open                  | Boolean                                                        |
 * | state                 | String                                                         |
 * | snoozed_until         | Date (UNIX timestamp)                                          |
 * | ticket_attribute.{id} | String or Boolean or Date (UNIX timestamp) or Float or Integer |
 * ```
 *
 * `ticket_attribute.<id>` is open to any id, with every operator. For
 * `category`, "specific terms must be used instead of the category names":
 * `request` (Customer), `task` (Back-office), `tracker` (Tracker).
 *
 * @since 0.1.0
 * @category fields
 */
export const ticketFields = {
  id: "string",
  created_at: "date",
  updated_at: "date",
  title: "string",
  description: "string",
  category: "string",
  ticket_type_id: "string",
  contact_ids: "string",
  teammate_ids: "string",
  admin_assignee_id: "string",
  team_assignee_id: "string",
  open: "boolean",
  state: "string",
  snoozed_until: "date"
} as const satisfies Fields

/**
 * Contacts (`contacts.search`, `POST /contacts/search`).
 *
 * @example
 * ```ts
 * import * as Search from "@effect-intercom/client/Search"
 *
 * Search.contacts.where("email", "~", "@example.com")
 * Search.contacts.where("owner_id", ">", 0)
 * Search.contacts.where("has_hard_bounced", "=", false)   // value: "false"
 * Search.contacts.where("custom_attributes.seats", ">", 10)
 * Search.contacts.field("last_seen_at").before(new Date("2024-06-01"))
 * ```
 *
 * @since 0.1.0
 * @category resources
 */
export const contacts: Resource<
  typeof contactFields,
  "custom_attributes.",
  StableContacts.SearchContactsRequest,
  StableSchemas.ContactList,
  IntercomError.BadRequestError | IntercomError.UnprocessableEntityError,
  Pagination.ItemOf<StableSchemas.ContactList, "data">
> = make({
  name: "contacts",
  operation: StableContacts.searchOperation,
  fields: contactFields,
  open: ["custom_attributes."]
})

/**
 * Conversations (`conversations.search`, `POST /conversations/search`).
 *
 * @since 0.1.0
 * @category resources
 */
export const conversations: Resource<
  typeof conversationFields,
  "custom_attributes.",
  StableConversations.SearchConversationsRequest,
  StableSchemas.ConversationList,
  IntercomError.BadRequestError | IntercomError.UnprocessableEntityError,
  Pagination.ItemOf<StableSchemas.ConversationList, "conversations">
> = make({
  name: "conversations",
  operation: StableConversations.searchOperation,
  fields: conversationFields,
  open: ["custom_attributes."]
})

/**
 * Tickets (`tickets.search`, `POST /tickets/search`).
 *
 * @since 0.1.0
 * @category resources
 */
export const tickets: Resource<
  typeof ticketFields,
  "ticket_attribute.",
  StableTickets.SearchTicketsRequest,
  StableSchemas.TicketList,
  IntercomError.BadRequestError | IntercomError.UnprocessableEntityError,
  Pagination.ItemOf<StableSchemas.TicketList, "tickets">
> = make({
  name: "tickets",
  operation: StableTickets.searchOperation,
  fields: ticketFields,
  open: ["ticket_attribute."]
})

/**
 * The Preview API's search operations (`unstable.contacts.searchContacts`,
 * `unstable.conversations.searchConversations`,
 * `unstable.tickets.searchTickets`): the same fields, plus `formatted_phone`
 * for contacts, and the same operators (the official SDK's overlay of the
 * Preview description narrows the operator enum to `= != IN NIN < >`; the
 * generator's patch layer restores the ten the description lists).
 *
 * @since 0.1.0
 * @category resources
 */
export const unstable: {
  readonly contacts: Resource<
    typeof previewContactFields,
    "custom_attributes.",
    UnstableContacts.SearchContactsRequest,
    UnstableSchemas.ContactList,
    IntercomError.BadRequestError | IntercomError.UnprocessableEntityError,
    Pagination.ItemOf<UnstableSchemas.ContactList, "data">
  >
  readonly conversations: Resource<
    typeof conversationFields,
    "custom_attributes.",
    UnstableConversations.SearchConversationsRequest,
    UnstableSchemas.ConversationList,
    IntercomError.BadRequestError | IntercomError.UnprocessableEntityError,
    Pagination.ItemOf<UnstableSchemas.ConversationList, "conversations">
  >
  readonly tickets: Resource<
    typeof ticketFields,
    "ticket_attribute.",
    UnstableTickets.SearchTicketsRequest,
    UnstableSchemas.TicketList,
    IntercomError.BadRequestError | IntercomError.UnprocessableEntityError,
    Pagination.ItemOf<UnstableSchemas.TicketList, "tickets">
  >
} = {
  contacts: make({
    name: "contacts",
    operation: UnstableContacts.searchContactsOperation,
    fields: previewContactFields,
    open: ["custom_attributes."]
  }),
  conversations: make({
    name: "conversations",
    operation: UnstableConversations.searchConversationsOperation,
    fields: conversationFields,
    open: ["custom_attributes."]
  }),
  tickets: make({
    name: "tickets",
    operation: UnstableTickets.searchTicketsOperation,
    fields: ticketFields,
    open: ["ticket_attribute."]
  })
}

// -----------------------------------------------------------------------------
// checking and sending
// -----------------------------------------------------------------------------

type AnyResource = Resource<Fields, string, unknown, unknown, unknown, unknown>

const spec = (resource: AnyResource): checks.Spec => ({
  operation: resource.operation.name,
  resource: resource.name,
  fields: resource.fields,
  open: resource.open
})

const isDataFirst = (args: IArguments): boolean => isResource(args[1])

/**
 * Checks a query for a resource: the query in its wire form (dates as Unix
 * seconds, booleans as strings), or the first problem as an
 * `InvalidInputError` with its JSON path under `$.query`. What is checked,
 * from the search descriptions: a filter has a known `field` (or one after an
 * open prefix), one of the ten operators, an operator its field's type allows,
 * an array for `IN` / `NIN` and one value otherwise, values of the field's
 * type (`null` only for `=` / `!=`); a group has `AND` or `OR`, 1 to 15
 * entries, and is at most 2 levels deep. Unknown keys are rejected.
 *
 * Built queries are checked here, once, not when each filter is made: a
 * path and the nesting depth are known only in the finished query.
 *
 * @example
 * ```ts
 * import * as Search from "@effect-intercom/client/Search"
 * import * as Either from "effect/Either"
 *
 * const checked = Search.validate({ field: "created_at", operator: "~", value: "2024" }, Search.contacts)
 * if (Either.isLeft(checked)) {
 *   console.log(checked.left.message)
 *   // contacts.search: invalid input at $.query.operator: The operator ~ does not apply to
 *   // created_at, a date field: use one of = != IN NIN < >
 * }
 * ```
 *
 * @since 0.1.0
 * @category checks
 */
export const validate: {
  <F extends Fields, P extends string, I, A, E, Item>(
    resource: Resource<F, P, I, A, E, Item>
  ): (query: QueryInput) => Either.Either<Query, IntercomError.InvalidInputError>
  <F extends Fields, P extends string, I, A, E, Item>(
    query: QueryInput,
    resource: Resource<F, P, I, A, E, Item>
  ): Either.Either<Query, IntercomError.InvalidInputError>
} = dual(
  2,
  (query: QueryInput, resource: AnyResource): Either.Either<Query, IntercomError.InvalidInputError> =>
    checks.validate(spec(resource), query)
)

/**
 * The checked body of a search request, `{ query, pagination }`, for the
 * search methods of the `Intercom` service or the resource modules
 * (`intercom.contacts.search`, `searchStream`, `searchPages`). An `Either` is
 * an `Effect`: `yield*` it in `Effect.gen`.
 *
 * @example
 * ```ts
 * import * as Intercom from "@effect-intercom/client/Intercom"
 * import * as Search from "@effect-intercom/client/Search"
 * import * as Effect from "effect/Effect"
 *
 * const firstPage = Effect.gen(function* () {
 *   const intercom = yield* Intercom.Intercom
 *   const body = yield* Search.request(
 *     Search.tickets.where("ticket_attribute.priority", "=", "high"),
 *     Search.tickets,
 *     { per_page: 20 }
 *   )
 *   return yield* intercom.tickets.search(body)
 * })
 * ```
 *
 * @since 0.1.0
 * @category checks
 */
export const request: {
  <F extends Fields, P extends string, I, A, E, Item>(
    resource: Resource<F, P, I, A, E, Item>,
    pagination?: Paging
  ): (query: QueryInput) => Either.Either<Request, IntercomError.InvalidInputError>
  <F extends Fields, P extends string, I, A, E, Item>(
    query: QueryInput,
    resource: Resource<F, P, I, A, E, Item>,
    pagination?: Paging
  ): Either.Either<Request, IntercomError.InvalidInputError>
} = dual(
  isDataFirst,
  (
    query: QueryInput,
    resource: AnyResource,
    pagination?: Paging
  ): Either.Either<Request, IntercomError.InvalidInputError> =>
    Either.map(
      checks.validate(spec(resource), query),
      (query) => pagination === undefined ? { query } : { query, pagination }
    )
)

/**
 * One page of a search: the query is checked, then sent (a failed check sends
 * nothing).
 *
 * @example
 * ```ts
 * import * as Search from "@effect-intercom/client/Search"
 * import * as Effect from "effect/Effect"
 *
 * const page = Search.page(Search.conversations.where("open", "=", true), Search.conversations, { per_page: 5 }).pipe(
 *   Effect.map((list) => list.total_count)
 * )
 * ```
 *
 * @since 0.1.0
 * @category operations
 */
export const page: {
  <F extends Fields, P extends string, I, A, E, Item>(
    resource: Resource<F, P, I, A, E, Item>,
    pagination?: Paging
  ): (
    query: QueryInput
  ) => Effect.Effect<A, E | Operation.CommonError, IntercomClient.IntercomClient>
  <F extends Fields, P extends string, I, A, E, Item>(
    query: QueryInput,
    resource: Resource<F, P, I, A, E, Item>,
    pagination?: Paging
  ): Effect.Effect<A, E | Operation.CommonError, IntercomClient.IntercomClient>
} = dual(
  isDataFirst,
  (query: QueryInput, resource: AnyResource, pagination?: Paging) =>
    Effect.flatMap(request(query, resource, pagination), (body) => Operation.execute(resource.operation, body))
)

const paging = (options: StreamOptions | undefined): Paging | undefined =>
  options?.per_page === undefined ? undefined : { per_page: options.per_page }

/** A search stream (of pages or of items) that checks the query when it starts: a failed check sends nothing. */
const checkedStream = (
  paginate: (
    operation: AnyResource["operation"],
    body: unknown,
    options: StreamOptions | undefined
  ) => Stream.Stream<unknown, unknown, IntercomClient.IntercomClient>
) =>
(query: QueryInput, resource: AnyResource, options?: StreamOptions) =>
  Stream.unwrap(
    Effect.map(request(query, resource, paging(options)), (body) => paginate(resource.operation, body, options))
  )

/**
 * Every page of a search, as a lazy stream: the query is checked when the
 * stream starts (a failed check sends nothing and fails the stream), then
 * the pages follow Intercom's `starting_after` cursor.
 *
 * @since 0.1.0
 * @category streams
 */
export const pages: {
  <F extends Fields, P extends string, I, A, E, Item>(
    resource: Resource<F, P, I, A, E, Item>,
    options?: StreamOptions
  ): (
    query: QueryInput
  ) => Stream.Stream<A, E | Operation.CommonError | IntercomError.ScrollError, IntercomClient.IntercomClient>
  <F extends Fields, P extends string, I, A, E, Item>(
    query: QueryInput,
    resource: Resource<F, P, I, A, E, Item>,
    options?: StreamOptions
  ): Stream.Stream<A, E | Operation.CommonError | IntercomError.ScrollError, IntercomClient.IntercomClient>
} = dual(
  isDataFirst,
  checkedStream(Pagination.pages)
)

/**
 * The items of every page of a search (contacts, conversations or tickets),
 * as a lazy stream: the query is checked when the stream starts (a failed
 * check sends nothing and fails the stream).
 *
 * @example
 * ```ts
 * import * as Search from "@effect-intercom/client/Search"
 * import * as Stream from "effect/Stream"
 *
 * const ids = Search.stream(Search.tickets.where("open", "=", true), Search.tickets).pipe(
 *   Stream.map((ticket) => ticket?.id)
 * )
 * ```
 *
 * @since 0.1.0
 * @category streams
 */
export const stream: {
  <F extends Fields, P extends string, I, A, E, Item>(
    resource: Resource<F, P, I, A, E, Item>,
    options?: StreamOptions
  ): (
    query: QueryInput
  ) => Stream.Stream<Item, E | Operation.CommonError | IntercomError.ScrollError, IntercomClient.IntercomClient>
  <F extends Fields, P extends string, I, A, E, Item>(
    query: QueryInput,
    resource: Resource<F, P, I, A, E, Item>,
    options?: StreamOptions
  ): Stream.Stream<Item, E | Operation.CommonError | IntercomError.ScrollError, IntercomClient.IntercomClient>
} = dual(
  isDataFirst,
  checkedStream(Pagination.items)
)
