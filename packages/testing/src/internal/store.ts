/**
 * The fake's state: plain mutable maps of internal records, one per resource,
 * kept in insertion order (which is also `seq` order, the order of lists and
 * cursors). Records are stored in a compact internal form and rendered to
 * Intercom's wire shapes by `wire.ts`.
 *
 * Every access happens synchronously inside one request handler, so a request
 * sees and leaves a consistent store without locks.
 */
import type * as Prng from "./prng.js"

export interface Author {
  readonly type: "admin" | "user" | "lead" | "bot" | "team"
  readonly id: string
  readonly name: string | null
  readonly email: string | null
}

export interface AdminRecord {
  readonly id: string
  name: string
  email: string
  job_title: string | null
  away_mode_enabled: boolean
  away_mode_reassign: boolean
  away_status_reason_id: string | null
  has_inbox_seat: boolean
  team_ids: Array<number>
}

export interface Location {
  country: string | null
  region: string | null
  city: string | null
  country_code: string | null
  continent_code: string | null
}

export interface ContactRecord {
  readonly seq: number
  readonly id: string
  external_id: string | null
  role: "user" | "lead"
  email: string | null
  phone: string | null
  name: string | null
  avatar: string | null
  owner_id: number | null
  created_at: number
  updated_at: number
  signed_up_at: number | null
  last_seen_at: number | null
  last_replied_at: number | null
  last_contacted_at: number | null
  last_email_opened_at: number | null
  last_email_clicked_at: number | null
  unsubscribed_from_emails: boolean
  has_hard_bounced: boolean
  marked_email_as_spam: boolean
  language_override: string | null
  browser: string | null
  browser_version: string | null
  browser_language: string | null
  os: string | null
  location: Location
  custom_attributes: Record<string, unknown>
  tag_ids: Array<string>
  company_ids: Array<string>
  segment_ids: Array<string>
  /** subscription type id -> consent */
  subscriptions: Map<string, "opt_in" | "opt_out">
  archived: boolean
  blocked: boolean
}

export interface CompanyRecord {
  readonly seq: number
  readonly id: string
  company_id: string
  name: string | null
  plan: string | null
  size: number | null
  website: string | null
  industry: string | null
  monthly_spend: number
  session_count: number
  remote_created_at: number | null
  created_at: number
  updated_at: number
  last_request_at: number | null
  custom_attributes: Record<string, unknown>
  tag_ids: Array<string>
  segment_ids: Array<string>
  /** Reverse index of `ContactRecord.company_ids`. */
  contact_ids: Set<string>
}

export interface PartRecord {
  readonly id: string
  readonly part_type: string
  readonly body: string | null
  readonly created_at: number
  readonly assigned_to: { readonly type: string; readonly id: string } | null
  readonly author: Author
  /** Set by `POST /conversations/redact` (the body is replaced). */
  readonly redacted?: boolean
}

export interface ConversationRecord {
  readonly seq: number
  readonly id: string
  created_at: number
  updated_at: number
  waiting_since: number | null
  snoozed_until: number | null
  title: string | null
  state: "open" | "closed" | "snoozed"
  read: boolean
  priority: "priority" | "not_priority"
  admin_assignee_id: number | null
  team_assignee_id: string | null
  company_id: string | null
  tag_ids: Array<string>
  contact_ids: Array<string>
  teammate_ids: Array<string>
  custom_attributes: Record<string, string | number | boolean>
  source: {
    readonly type: string
    readonly id: string
    readonly delivered_as: string
    readonly subject: string
    readonly body: string
    readonly author: Author
    /** Set by `POST /conversations/redact` (the body is replaced). */
    readonly redacted?: boolean
  }
  parts: Array<PartRecord>
  first_contact_reply_at: number | null
  first_admin_reply_at: number | null
  last_close_at: number | null
  count_reopens: number
  count_assignments: number
  rating: { score: number; remark: string | null; created_at: number; contact_id: string; admin_id: string } | null
}

export interface TagRecord {
  readonly id: string
  name: string
}

export interface NoteRecord {
  readonly seq: number
  readonly id: string
  readonly contact_id: string
  readonly admin_id: string
  readonly body: string
  readonly created_at: number
}

export interface SegmentRecord {
  readonly id: string
  readonly name: string
  readonly person_type: "user" | "contact"
  readonly created_at: number
  readonly updated_at: number
}

export interface TeamRecord {
  readonly id: string
  readonly name: string
  readonly admin_ids: Array<number>
}

export interface DataAttributeRecord {
  readonly id: number
  readonly model: "contact" | "company" | "conversation"
  readonly name: string
  readonly full_name: string
  label: string
  description: string
  readonly data_type: string
  options: Array<string> | null
  readonly api_writable: boolean
  readonly messenger_writable: boolean
  readonly ui_writable: boolean
  readonly custom: boolean
  archived: boolean
  readonly created_at: number | null
  updated_at: number | null
  readonly admin_id: string | null
}

export interface EventRecord {
  readonly seq: number
  readonly id: string
  readonly event_name: string
  readonly created_at: number
  readonly contact_id: string
  readonly metadata: Record<string, string>
}

export interface ArticleRecord {
  readonly seq: number
  readonly id: string
  title: string
  description: string
  body: string
  author_id: number
  state: "published" | "draft"
  parent_id: number | null
  parent_type: "collection" | "section" | null
  readonly created_at: number
  updated_at: number
}

export interface HelpCenterRecord {
  readonly id: string
  readonly identifier: string
  readonly display_name: string
  readonly website_turned_on: boolean
  readonly created_at: number
}

export interface CollectionRecord {
  readonly seq: number
  readonly id: string
  name: string
  description: string | null
  icon: string
  order: number
  parent_id: string | null
  help_center_id: number | null
  readonly created_at: number
  updated_at: number
}

export interface ContentImportSourceRecord {
  readonly seq: number
  readonly id: string
  url: string
  sync_behavior: "api" | "automatic" | "automated" | "manual"
  status: "active" | "deactivated"
  last_synced_at: number | null
  readonly created_at: number
  updated_at: number
}

export interface ExternalPageRecord {
  readonly seq: number
  readonly id: string
  title: string
  html: string
  url: string | null
  ai_agent_availability: boolean
  ai_copilot_availability: boolean
  fin_availability: boolean
  locale: "en"
  source_id: string
  external_id: string
  readonly created_at: number
  updated_at: number
  last_ingested_at: number
}

export interface InternalArticleRecord {
  readonly seq: number
  readonly id: string
  title: string
  body: string
  owner_id: number
  author_id: number
  readonly locale: string
  /** The folder the article is filed in (searchable with `folder_id`, not rendered). */
  readonly folder_id: string | null
  readonly created_at: number
  updated_at: number
}

export interface NewsfeedRecord {
  readonly seq: number
  readonly id: string
  readonly name: string
  readonly created_at: number
  readonly updated_at: number
}

export interface NewsItemRecord {
  readonly seq: number
  readonly id: string
  title: string
  body: string | null
  sender_id: number
  state: "draft" | "live"
  labels: Array<string>
  reactions: Array<string | null>
  deliver_silently: boolean
  cover_image_url: string | null
  /** Newsfeed id -> publish date (`null` while the item is a draft). */
  newsfeed_assignments: Array<{ readonly newsfeed_id: string; published_at: number | null }>
  readonly created_at: number
  updated_at: number
}

export interface TicketStateRecord {
  readonly id: string
  readonly category: "submitted" | "in_progress" | "waiting_on_customer" | "resolved"
  readonly internal_label: string
  readonly external_label: string
}

export interface TicketTypeAttributeRecord {
  readonly id: string
  readonly name: string
  description: string
  readonly data_type: string
  readonly order: number
  required_to_create: boolean
  visible_on_create: boolean
  visible_to_contacts: boolean
  readonly default: boolean
  archived: boolean
  readonly created_at: number
  updated_at: number
}

export interface TicketTypeRecord {
  readonly id: string
  name: string
  description: string
  icon: string
  category: "Customer" | "Back-office" | "Tracker"
  is_internal: boolean
  archived: boolean
  readonly created_at: number
  updated_at: number
  attributes: Array<TicketTypeAttributeRecord>
}

export interface TicketPartRecord {
  readonly id: string
  readonly part_type: string
  readonly body: string | null
  readonly previous_ticket_state: string | null
  readonly ticket_state: string | null
  readonly created_at: number
  readonly author: Author
}

export interface TicketRecord {
  readonly seq: number
  readonly id: string
  readonly ticket_id: string
  readonly ticket_type_id: string
  ticket_attributes: Record<string, string | number | boolean | null>
  state_id: string
  contact_ids: Array<string>
  admin_assignee_id: string
  team_assignee_id: string
  company_id: string | null
  readonly created_at: number
  updated_at: number
  open: boolean
  snoozed_until: number | null
  is_shared: boolean
  tag_ids: Array<string>
  parts: Array<TicketPartRecord>
}

export interface SubscriptionTypeRecord {
  readonly id: string
  readonly state: "live" | "draft" | "archived"
  readonly consent_type: "opt_in" | "opt_out"
  readonly name: string
  readonly description: string
  readonly content_types: ReadonlyArray<"email" | "sms_message">
}

/** A reporting data export job (`POST /export/reporting_data/enqueue`). */
export interface ReportingExportRecord {
  readonly id: string
  readonly dataset_id: string
  readonly attribute_ids: ReadonlyArray<string>
  readonly start_time: number
  readonly end_time: number
  readonly created_at: number
  status: "pending" | "in_progress" | "complete"
  /** Status reads so far: the job advances one step per read (or with time). */
  reads: number
  completed_at: number | null
}

/** A content data export job (`POST /export/content/data`). */
export interface ContentExportRecord {
  readonly id: string
  readonly created_at_after: number
  readonly created_at_before: number
  readonly created_at: number
  status: "pending" | "in_progress" | "completed" | "no_data" | "canceled"
  reads: number
  completed_at: number | null
}

/** An asynchronous job (`GET /jobs/status/{job_id}`): a ticket enqueued with `POST /tickets/enqueue`. */
export interface JobRecord {
  readonly id: string
  readonly resource_type: "ticket"
  /** The request body the job runs with. */
  readonly payload: unknown
  readonly created_at: number
  status: "pending" | "success" | "failed"
  reads: number
  resource_id: string | null
}

export interface CustomObjectInstanceRecord {
  readonly seq: number
  readonly id: string
  readonly type: string
  external_id: string | null
  external_created_at: number | null
  external_updated_at: number | null
  readonly created_at: number
  updated_at: number
  custom_attributes: Record<string, unknown>
}

export interface CallRecord {
  readonly seq: number
  readonly id: string
  readonly conversation_id: string | null
  readonly admin_id: string | null
  readonly contact_id: string | null
  readonly state: string
  readonly call_type: "phone" | "messenger"
  readonly direction: "inbound" | "outbound"
  readonly ended_reason: string
  readonly phone: string | null
  readonly initiated_at: number
  readonly answered_at: number | null
  readonly ended_at: number
  readonly recorded: boolean
  /** Lines of the transcript (`null`: none). */
  readonly transcript: ReadonlyArray<{ readonly at: number; readonly speaker: string; readonly text: string }> | null
}

export interface VisitorRecord {
  readonly seq: number
  readonly id: string
  readonly user_id: string
  name: string | null
  email: string | null
  readonly pseudonym: string
  readonly created_at: number
  updated_at: number
  custom_attributes: Record<string, unknown>
}

/** An admin-initiated message (`POST /messages`). */
export interface MessageRecord {
  readonly id: string
  readonly message_type: string
  readonly subject: string | null
  readonly body: string
  readonly admin_id: string
  readonly contact_ids: ReadonlyArray<string>
  readonly created_at: number
  readonly conversation_id: string | null
  /** The template of a Preview SMS or WhatsApp message, if it named one. */
  readonly template?: string | null
}

export interface AwayStatusReasonRecord {
  readonly id: string
  readonly label: string
  readonly emoji: string
  readonly order: number
  readonly deleted: boolean
  readonly created_at: number
  readonly updated_at: number
}

/** A brand of the workspace (Preview `GET /brands`); the default brand's id is the workspace id. */
export interface BrandRecord {
  readonly id: string
  readonly name: string
  readonly is_default: boolean
  readonly created_at: number
  readonly updated_at: number
  readonly help_center_id: string | null
  readonly default_address_settings_id: string | null
}

/** A sender email address of the workspace (Preview `GET /emails`). */
export interface EmailSettingRecord {
  readonly id: string
  readonly email: string
  readonly verified: boolean
  readonly brand_id: string
  readonly forwarding_enabled: boolean
  readonly forwarded_email_last_received_at: number | null
  readonly created_at: number
  readonly updated_at: number
}

/** A macro (saved reply, Preview `GET /macros`); seeded in `seq` order, most recently updated first. */
export interface MacroRecord {
  readonly seq: number
  readonly id: string
  readonly name: string
  /** The body with Intercom's placeholders (`{{user.name | fallback: 'there'}}`). */
  readonly body_text: string
  readonly created_at: number
  readonly updated_at: number
  readonly visible_to_team_ids: ReadonlyArray<string> | null
  readonly available_on: ReadonlyArray<"inbox" | "messenger">
}

/** A workflow (Preview `GET /export/workflows/{id}`). */
export interface WorkflowRecord {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly trigger_type: string
  readonly state: "live" | "draft" | "paused"
  readonly target_channels: ReadonlyArray<string>
  readonly created_at: number
  readonly updated_at: number
  readonly steps: ReadonlyArray<{ readonly type: string; readonly body: string }>
}

/** A Fin Voice call registered with `POST /fin_voice/register` (an external reference). */
export interface FinVoiceCallRecord {
  readonly id: number
  readonly phone_number: string
  readonly external_call_id: string
  readonly source: "five9" | "zoom_phone" | "aws_connect"
  readonly data: Record<string, unknown> | null
  readonly created_at: number
  /** The fake's call it was matched with (the latest call from that phone number), if any. */
  readonly call_id: string | null
}

export interface ScrollState {
  readonly param: string
  /** The company ids of the scroll, fixed when it started. */
  readonly ids: ReadonlyArray<string>
  position: number
  expiresAt: number
}

export class Store {
  readonly workspaceId: string
  readonly appName = "Fake Intercom"
  /** The admin the access token belongs to (`GET /me`). */
  meId = ""

  readonly admins = new Map<string, AdminRecord>()
  readonly contacts = new Map<string, ContactRecord>()
  readonly contactsByExternalId = new Map<string, string>()
  readonly companies = new Map<string, CompanyRecord>()
  readonly companiesByCompanyId = new Map<string, string>()
  readonly conversations = new Map<string, ConversationRecord>()
  readonly tags = new Map<string, TagRecord>()
  readonly notes = new Map<string, NoteRecord>()
  /** Note ids by contact id, in creation order. */
  readonly notesByContact = new Map<string, Array<string>>()
  readonly segments = new Map<string, SegmentRecord>()
  readonly teams = new Map<string, TeamRecord>()
  readonly dataAttributes = new Map<number, DataAttributeRecord>()
  readonly events: Array<EventRecord> = []
  readonly articles = new Map<string, ArticleRecord>()
  readonly helpCenters = new Map<string, HelpCenterRecord>()
  readonly collections = new Map<string, CollectionRecord>()
  readonly contentImportSources = new Map<string, ContentImportSourceRecord>()
  readonly externalPages = new Map<string, ExternalPageRecord>()
  readonly internalArticles = new Map<string, InternalArticleRecord>()
  readonly newsfeeds = new Map<string, NewsfeedRecord>()
  readonly newsItems = new Map<string, NewsItemRecord>()
  readonly ticketStates = new Map<string, TicketStateRecord>()
  readonly ticketTypes = new Map<string, TicketTypeRecord>()
  readonly tickets = new Map<string, TicketRecord>()
  readonly subscriptionTypes = new Map<string, SubscriptionTypeRecord>()
  scroll: ScrollState | undefined = undefined

  // exports, jobs, custom objects and channels, calls, visitors, messages, workspace settings
  readonly reportingExports = new Map<string, ReportingExportRecord>()
  readonly contentExports = new Map<string, ContentExportRecord>()
  readonly jobs = new Map<string, JobRecord>()
  /** The custom object types of the workspace (`Order`, ...). */
  readonly customObjectTypes = new Set<string>()
  readonly customObjectInstances = new Map<string, CustomObjectInstanceRecord>()
  /** Conversation ids by the external conversation id of a custom channel. */
  readonly customChannelConversations = new Map<string, string>()
  /** The answers to the custom channel events processed, by `event_id` (a repeated event is not processed again). */
  readonly customChannelEvents = new Map<string, unknown>()
  readonly calls = new Map<string, CallRecord>()
  readonly visitors = new Map<string, VisitorRecord>()
  readonly messages = new Map<string, MessageRecord>()
  readonly phoneCallRedirects: Array<{ readonly phone: string; readonly contact_id: string; readonly url: string }> = []
  readonly awayStatusReasons: Array<AwayStatusReasonRecord> = []
  readonly ipAllowlist: { enabled: boolean; ip_allowlist: Array<string> } = { enabled: false, ip_allowlist: [] }

  // Preview only: brands, sender addresses, macros, workflows, Fin Voice calls
  readonly brands = new Map<string, BrandRecord>()
  readonly emailSettings = new Map<string, EmailSettingRecord>()
  readonly macros = new Map<string, MacroRecord>()
  readonly workflows = new Map<string, WorkflowRecord>()
  readonly finVoiceCalls = new Map<number, FinVoiceCallRecord>()

  /** Where `emit` sends the notifications of state changes (set when the fake delivers webhooks). */
  notify: ((topic: string, item: unknown) => void) | undefined = undefined

  private seq = 0
  private readonly counters = new Map<string, number>()
  private readonly salts = new Map<string, string>()

  constructor(readonly prng: Prng.Prng) {
    this.workspaceId = `fake${prng.hex(8)}`
  }

  /** The workspace as a number (`app_id` where the Preview types it so): its id's hex digits. */
  get appId(): number {
    return Number.parseInt(this.workspaceId.slice(4, 11), 16)
  }

  nextSeq(): number {
    return ++this.seq
  }

  /** The next numeric id of a kind, as a string, counting from `base`. */
  nextNumericId(kind: string, base: number): string {
    const n = (this.counters.get(kind) ?? base) + 1
    this.counters.set(kind, n)
    return String(n)
  }

  /** A 24-digit hexadecimal id, unique per kind (Intercom's ids of contacts, companies, segments). */
  nextObjectId(kind: string): string {
    let salt = this.salts.get(kind)
    if (salt === undefined) {
      salt = this.prng.hex(16)
      this.salts.set(kind, salt)
    }
    const n = (this.counters.get(kind) ?? 0) + 1
    this.counters.set(kind, n)
    return `65${n.toString(16).padStart(6, "0")}${salt}`
  }

  get me(): AdminRecord {
    return this.admins.get(this.meId)!
  }

  authorOfAdmin(admin: AdminRecord): Author {
    return { type: "admin", id: admin.id, name: admin.name, email: admin.email }
  }

  authorOfContact(contact: ContactRecord): Author {
    return { type: contact.role, id: contact.id, name: contact.name, email: contact.email }
  }

  /** Link a contact and a company both ways. */
  attach(contact: ContactRecord, company: CompanyRecord): void {
    if (!contact.company_ids.includes(company.id)) contact.company_ids.push(company.id)
    company.contact_ids.add(contact.id)
  }

  detach(contact: ContactRecord, company: CompanyRecord): void {
    contact.company_ids = contact.company_ids.filter((id) => id !== company.id)
    company.contact_ids.delete(contact.id)
  }

  deleteContact(contact: ContactRecord): void {
    for (const companyId of contact.company_ids) this.companies.get(companyId)?.contact_ids.delete(contact.id)
    if (contact.external_id !== null) this.contactsByExternalId.delete(contact.external_id)
    this.contacts.delete(contact.id)
  }

  deleteCompany(company: CompanyRecord): void {
    for (const contactId of company.contact_ids) {
      const contact = this.contacts.get(contactId)
      if (contact) contact.company_ids = contact.company_ids.filter((id) => id !== company.id)
    }
    this.companiesByCompanyId.delete(company.company_id)
    this.companies.delete(company.id)
  }

  addNote(note: NoteRecord): void {
    this.notes.set(note.id, note)
    const ids = this.notesByContact.get(note.contact_id)
    if (ids === undefined) this.notesByContact.set(note.contact_id, [note.id])
    else ids.push(note.id)
  }

  /** Move the notes of a contact to another (a merge), or drop them (`into` undefined). */
  moveNotes(from: string, into: string | undefined): void {
    const ids = this.notesByContact.get(from) ?? []
    this.notesByContact.delete(from)
    for (const id of ids) {
      const note = this.notes.get(id)
      if (note === undefined) continue
      if (into === undefined) this.notes.delete(id)
      else this.addNote({ ...note, contact_id: into })
    }
  }

  /**
   * A state change worth a webhook: its topic and the item as the API
   * answers it. Nothing happens unless the fake delivers webhooks.
   */
  emit(topic: string, item: () => unknown): void {
    if (this.notify !== undefined) this.notify(topic, item())
  }

  /** Find a contact by its Intercom id, or `undefined`. */
  contact(id: string | number | undefined): ContactRecord | undefined {
    return id === undefined ? undefined : this.contacts.get(String(id))
  }

  admin(id: string | number | undefined | null): AdminRecord | undefined {
    return id === undefined || id === null ? undefined : this.admins.get(String(id))
  }
}

/** A new contact with nothing set, as Intercom creates it. */
export const newContact = (store: Store, now: number): ContactRecord => ({
  seq: store.nextSeq(),
  id: store.nextObjectId("contact"),
  external_id: null,
  role: "user",
  email: null,
  phone: null,
  name: null,
  avatar: null,
  owner_id: null,
  created_at: now,
  updated_at: now,
  signed_up_at: null,
  last_seen_at: null,
  last_replied_at: null,
  last_contacted_at: null,
  last_email_opened_at: null,
  last_email_clicked_at: null,
  unsubscribed_from_emails: false,
  has_hard_bounced: false,
  marked_email_as_spam: false,
  language_override: null,
  browser: null,
  browser_version: null,
  browser_language: null,
  os: null,
  location: { country: null, region: null, city: null, country_code: null, continent_code: null },
  custom_attributes: {},
  tag_ids: [],
  company_ids: [],
  segment_ids: [],
  subscriptions: new Map(),
  archived: false,
  blocked: false
})
