/**
 * The webhook topics and the schema of the item each one carries.
 *
 * Source: Intercom's OpenAPI descriptions (2.14, 2.15, 2.16, Preview) do not
 * describe webhooks: the only topic they name is `company.deleted` (in the
 * 2.15 and 2.16 description of `DELETE /companies/{id}`). This table is the
 * list of Intercom's documented webhook topics ("Webhook topics" in the
 * developer docs) as we know it, written from memory; it could not be checked
 * against Intercom's docs offline. Topics marked `(less certain)` are ones we
 * are less sure of; a listed topic that Intercom never sends costs nothing,
 * and a topic missing here decodes as the generic event, never as an error.
 *
 * Item schemas: the generated tolerant (response) schemas of the 2.14 API
 * where the item is a resource we know (`Conversation`, `Contact`, `Company`,
 * `Ticket`, `Admin`, `ActivityLog`, `DataEvent`, `Jobs`), three small
 * relation schemas for the tagging and attaching topics, and `UnknownObject`
 * (any JSON object) where we do not know the item's shape well enough to
 * type it.
 *
 * The schemas are imported one by one from their generated files, not from
 * the `Schemas` barrel, so a bundle holds only these.
 */
import * as Schema from "effect/Schema"
import { ActivityLog } from "../../generated/stable/schemas/ActivityLog.js"
import { Admin } from "../../generated/stable/schemas/Admin.js"
import { Company } from "../../generated/stable/schemas/Company.js"
import { Contact } from "../../generated/stable/schemas/Contact.js"
import { Conversation } from "../../generated/stable/schemas/Conversation.js"
import { DataEvent } from "../../generated/stable/schemas/DataEvent.js"
import { Jobs } from "../../generated/stable/schemas/Jobs.js"
import { Tag } from "../../generated/stable/schemas/Tag.js"
import { Ticket } from "../../generated/stable/schemas/Ticket.js"

/** Any JSON object: the item of a topic whose item shape we do not know well enough to type. */
export const UnknownObject: Schema.Schema<{ readonly [key: string]: unknown }> = /*#__PURE__*/ Schema.Record({
  key: Schema.String,
  value: Schema.Unknown
})

/** The item of `contact.tag.created` and `contact.tag.deleted` (`type: "contact_tag"`). */
export interface ContactTag {
  readonly type?: string | null
  readonly tag: Tag
  readonly contact: Contact
  readonly created_at?: number | null
}

/** The item of `contact.tag.created` and `contact.tag.deleted`. */
export const ContactTag: Schema.Schema<ContactTag> = /*#__PURE__*/ Schema.Struct({
  type: Schema.optionalWith(Schema.NullOr(Schema.String), { exact: true }),
  tag: Tag,
  contact: Contact,
  created_at: Schema.optionalWith(Schema.NullOr(Schema.Number), { exact: true })
})

/** The item of `user.tag.created` and `user.tag.deleted` (`type: "user_tag"`; the `user` is the pre-2.0 user object). */
export interface UserTag {
  readonly type?: string | null
  readonly tag: Tag
  readonly user: { readonly [key: string]: unknown }
  readonly created_at?: number | null
}

/** The item of `user.tag.created` and `user.tag.deleted`. */
export const UserTag: Schema.Schema<UserTag> = /*#__PURE__*/ Schema.Struct({
  type: Schema.optionalWith(Schema.NullOr(Schema.String), { exact: true }),
  tag: Tag,
  user: UnknownObject,
  created_at: Schema.optionalWith(Schema.NullOr(Schema.Number), { exact: true })
})

/** The item of the topics that attach a contact to a company or detach it (`type: "contact_company"`). */
export interface ContactCompany {
  readonly type?: string | null
  readonly contact: Contact
  readonly company: Company
  readonly created_at?: number | null
}

/** The item of the topics that attach a contact to a company or detach it. */
export const ContactCompany: Schema.Schema<ContactCompany> = /*#__PURE__*/ Schema.Struct({
  type: Schema.optionalWith(Schema.NullOr(Schema.String), { exact: true }),
  contact: Contact,
  company: Company,
  created_at: Schema.optionalWith(Schema.NullOr(Schema.Number), { exact: true })
})

/** Every known topic and the schema of its item. */
export const topics = {
  // Conversations
  "conversation.user.created": Conversation,
  "conversation.user.replied": Conversation,
  "conversation.admin.replied": Conversation,
  "conversation.admin.single.created": Conversation,
  "conversation.admin.assigned": Conversation,
  "conversation.admin.open.assigned": Conversation, // (less certain)
  "conversation.admin.noted": Conversation,
  "conversation.admin.closed": Conversation,
  "conversation.admin.opened": Conversation,
  "conversation.admin.snoozed": Conversation,
  "conversation.admin.unsnoozed": Conversation,
  "conversation.operator.replied": Conversation, // (less certain)
  "conversation.priority.updated": Conversation, // (less certain)
  "conversation.read": Conversation,
  "conversation.rating.added": Conversation,
  "conversation.deleted": Conversation,
  "conversation.contact.attached": Conversation,
  "conversation.contact.detached": Conversation,
  "conversation_part.redacted": Conversation,
  "conversation_part.tag.created": UnknownObject,
  // Contacts
  "contact.user.created": Contact,
  "contact.user.updated": Contact,
  "contact.lead.created": Contact,
  "contact.lead.updated": Contact,
  "contact.lead.signed_up": Contact,
  "contact.deleted": Contact,
  "contact.archived": Contact,
  "contact.unarchived": Contact,
  "contact.email.updated": Contact,
  "contact.subscribed": Contact,
  "contact.unsubscribed": Contact,
  "contact.tag.created": ContactTag,
  "contact.tag.deleted": ContactTag,
  "contact.attached_to_company": ContactCompany,
  "contact.detached_from_company": ContactCompany,
  // Companies
  "company.created": Company,
  "company.updated": Company,
  "company.deleted": Company,
  "company.contact.attached": ContactCompany,
  "company.contact.detached": ContactCompany,
  // Tickets
  "ticket.created": Ticket,
  "ticket.state.updated": Ticket,
  "ticket.admin.assigned": Ticket,
  "ticket.team.assigned": Ticket,
  "ticket.contact.replied": Ticket,
  "ticket.admin.replied": Ticket,
  "ticket.note.created": Ticket,
  "ticket.closed": Ticket,
  "ticket.deleted": Ticket,
  "ticket.contact.attached": Ticket,
  "ticket.contact.detached": Ticket,
  "ticket.rating.provided": Ticket,
  // Admins
  "admin.away_mode_updated": Admin,
  "admin.activity_log_event.created": ActivityLog,
  "admin.added_to_workspace": Admin,
  "admin.removed_from_workspace": Admin,
  "admin.logged_in": UnknownObject,
  "admin.logged_out": UnknownObject,
  // Visitors, users (pre-2.0 tagging), events, jobs
  "visitor.signed_up": UnknownObject,
  "user.tag.created": UserTag,
  "user.tag.deleted": UserTag,
  "event.created": DataEvent,
  "job.completed": Jobs,
  // Content statistics (outbound messages)
  "content_stat.banner": UnknownObject, // (less certain)
  "content_stat.carousel": UnknownObject, // (less certain)
  "content_stat.checklist": UnknownObject, // (less certain)
  "content_stat.custom_bot": UnknownObject, // (less certain)
  "content_stat.email": UnknownObject, // (less certain)
  "content_stat.news_item": UnknownObject,
  "content_stat.post": UnknownObject, // (less certain)
  "content_stat.push": UnknownObject, // (less certain)
  "content_stat.series": UnknownObject,
  "content_stat.sms": UnknownObject, // (less certain)
  "content_stat.survey": UnknownObject, // (less certain)
  "content_stat.tooltip_group": UnknownObject, // (less certain)
  "content_stat.tour": UnknownObject, // (less certain)
  // The test notification sent from the Developer Hub
  "ping": UnknownObject
} as const

/** A known topic. */
export type Topic = keyof typeof topics

/** The item type of a known topic. */
export type ItemOf<T extends Topic> = Schema.Schema.Type<(typeof topics)[T]>
