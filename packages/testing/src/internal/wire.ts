/**
 * Internal records -> Intercom's wire shapes, as in the example responses of
 * the 2.14 description. Each renderer is typed with the client's generated
 * interface of that shape, so the compiler checks the fake against the same
 * schemas the client decodes with.
 */
import type * as Schemas from "@effect-intercom/client/stable/Schemas"
import type {
  AdminRecord,
  ArticleRecord,
  Author,
  AwayStatusReasonRecord,
  CallRecord,
  CollectionRecord,
  CompanyRecord,
  ContactRecord,
  ContentExportRecord,
  ContentImportSourceRecord,
  ConversationRecord,
  CustomObjectInstanceRecord,
  DataAttributeRecord,
  ExternalPageRecord,
  HelpCenterRecord,
  InternalArticleRecord,
  JobRecord,
  NewsfeedRecord,
  NewsItemRecord,
  NoteRecord,
  PartRecord,
  ReportingExportRecord,
  SegmentRecord,
  Store,
  SubscriptionTypeRecord,
  TagRecord,
  TeamRecord,
  TicketPartRecord,
  TicketRecord,
  TicketStateRecord,
  TicketTypeAttributeRecord,
  TicketTypeRecord,
  VisitorRecord
} from "./store.js"

export const admin = (record: AdminRecord): Schemas.Admin => ({
  type: "admin",
  id: record.id,
  name: record.name,
  email: record.email,
  job_title: record.job_title,
  away_mode_enabled: record.away_mode_enabled,
  away_mode_reassign: record.away_mode_reassign,
  // the spec declares it an integer (the store keeps the id as it was given)
  away_status_reason_id: record.away_status_reason_id === null ? null : Number(record.away_status_reason_id),
  has_inbox_seat: record.has_inbox_seat,
  team_ids: record.team_ids,
  avatar: { image_url: "https://static.intercomassets.com/assets/default-avatars/admins/128.png" }
})

export const adminWithApp = (store: Store, record: AdminRecord): Schemas.AdminWithApp => ({
  type: "admin",
  id: record.id,
  email: record.email,
  name: record.name,
  email_verified: true,
  app: {
    type: "app",
    id_code: store.workspaceId,
    name: store.appName,
    created_at: 1_600_000_000,
    identity_verification: false,
    timezone: "Europe/Dublin",
    region: "US"
  },
  avatar: { type: "avatar", image_url: "https://static.intercomassets.com/assets/default-avatars/admins/128.png" },
  has_inbox_seat: record.has_inbox_seat
})

const relationList = (url: string, ids: ReadonlyArray<string>, type: string) => ({
  type: "list",
  data: ids.slice(0, 10).map((id) => ({ type, id, url: `/${type}s/${id}` })),
  url,
  total_count: ids.length,
  has_more: ids.length > 10
})

export const contact = (store: Store, record: ContactRecord): Schemas.Contact => {
  const optedIn: Array<string> = []
  const optedOut: Array<string> = []
  for (const [id, consent] of record.subscriptions) (consent === "opt_in" ? optedIn : optedOut).push(id)
  const notes = store.notesByContact.get(record.id) ?? []
  const extra = {
    opted_out_subscription_types: relationList(`/contacts/${record.id}/subscriptions`, optedOut, "subscription"),
    opted_in_subscription_types: relationList(`/contacts/${record.id}/subscriptions`, optedIn, "subscription"),
    utm_campaign: null,
    utm_content: null,
    utm_medium: null,
    utm_source: null,
    utm_term: null,
    referrer: null,
    enabled_push_messaging: null
  }
  const wire: Schemas.Contact = {
    type: "contact",
    id: record.id,
    workspace_id: store.workspaceId,
    external_id: record.external_id,
    role: record.role,
    email: record.email,
    email_domain: record.email === null ? null : record.email.slice(record.email.indexOf("@") + 1),
    phone: record.phone,
    name: record.name,
    avatar: record.avatar,
    owner_id: record.owner_id,
    social_profiles: { data: [] },
    has_hard_bounced: record.has_hard_bounced,
    marked_email_as_spam: record.marked_email_as_spam,
    unsubscribed_from_emails: record.unsubscribed_from_emails,
    created_at: record.created_at,
    updated_at: record.updated_at,
    signed_up_at: record.signed_up_at,
    last_seen_at: record.last_seen_at,
    last_replied_at: record.last_replied_at,
    last_contacted_at: record.last_contacted_at,
    last_email_opened_at: record.last_email_opened_at,
    last_email_clicked_at: record.last_email_clicked_at,
    language_override: record.language_override,
    browser: record.browser,
    browser_version: record.browser_version,
    browser_language: record.browser_language,
    os: record.os,
    location: { type: "location", ...record.location },
    android_app_name: null,
    android_app_version: null,
    android_device: null,
    android_os_version: null,
    android_sdk_version: null,
    android_last_seen_at: null,
    ios_app_name: null,
    ios_app_version: null,
    ios_device: null,
    ios_os_version: null,
    ios_sdk_version: null,
    ios_last_seen_at: null,
    custom_attributes: record.custom_attributes,
    tags: relationList(`/contacts/${record.id}/tags`, record.tag_ids, "tag"),
    notes: relationList(`/contacts/${record.id}/notes`, notes, "note"),
    companies: relationList(`/contacts/${record.id}/companies`, record.company_ids, "company")
  }
  return { ...wire, ...extra }
}

export const contactReference = (record: ContactRecord): Schemas.ContactReference => ({
  type: "contact",
  id: record.id,
  external_id: record.external_id
})

export const tag = (record: TagRecord): Schemas.Tag => ({ type: "tag", id: record.id, name: record.name })

export const segment = (record: SegmentRecord): Schemas.Segment => ({
  type: "segment",
  id: record.id,
  name: record.name,
  created_at: record.created_at,
  updated_at: record.updated_at,
  person_type: record.person_type
})

export const company = (store: Store, record: CompanyRecord): Schemas.Company => ({
  type: "company",
  company_id: record.company_id,
  id: record.id,
  app_id: store.workspaceId,
  name: record.name,
  remote_created_at: record.remote_created_at,
  created_at: record.created_at,
  updated_at: record.updated_at,
  last_request_at: record.last_request_at,
  size: record.size,
  website: record.website,
  industry: record.industry,
  monthly_spend: record.monthly_spend,
  session_count: record.session_count,
  user_count: record.contact_ids.size,
  tags: { type: "tag.list", tags: record.tag_ids.flatMap((id) => tagById(store, id)) },
  segments: { type: "segment.list", segments: record.segment_ids.flatMap((id) => segmentById(store, id)) },
  plan: record.plan === null ? {} : { type: "plan", id: String(planIds[record.plan] ?? 0), name: record.plan },
  custom_attributes: record.custom_attributes
})

const planIds: Record<string, number> = { free: 1, starter: 2, pro: 3, enterprise: 4 }

const tagById = (store: Store, id: string): Array<Schemas.Tag> => {
  const record = store.tags.get(id)
  return record ? [tag(record)] : []
}

const segmentById = (store: Store, id: string): Array<Schemas.Segment> => {
  const record = store.segments.get(id)
  return record ? [segment(record)] : []
}

export const author = (value: Author): Schemas.ConversationPartAuthor => ({
  type: value.type,
  id: value.id,
  name: value.name,
  email: value.email
})

export const conversationPart = (part: PartRecord): Schemas.ConversationPart => ({
  type: "conversation_part",
  id: part.id,
  part_type: part.part_type,
  body: part.body,
  created_at: part.created_at,
  updated_at: part.created_at,
  notified_at: part.created_at,
  assigned_to: part.assigned_to,
  author: author(part.author),
  attachments: [],
  external_id: null,
  redacted: part.redacted ?? false,
  metadata: {},
  email_message_metadata: null,
  app_package_code: null
})

export const conversation = (
  store: Store,
  record: ConversationRecord,
  options: { readonly parts: boolean }
): Schemas.Conversation => {
  const base: Schemas.Conversation = {
    type: "conversation",
    id: record.id,
    title: record.title,
    created_at: record.created_at,
    updated_at: record.updated_at,
    waiting_since: record.waiting_since,
    snoozed_until: record.snoozed_until,
    source: {
      type: record.source.type,
      id: record.source.id,
      delivered_as: record.source.delivered_as,
      subject: record.source.subject,
      body: record.source.body,
      author: author(record.source.author),
      attachments: [],
      url: null,
      redacted: record.source.redacted ?? false
    },
    contacts: {
      type: "contact.list",
      contacts: record.contact_ids.map((id) => {
        const c = store.contacts.get(id)
        return { type: "contact", id, external_id: c?.external_id ?? null }
      })
    },
    first_contact_reply: record.first_contact_reply_at === null
      ? null
      : { created_at: record.first_contact_reply_at, type: record.source.type, url: null },
    admin_assignee_id: record.admin_assignee_id,
    team_assignee_id: record.team_assignee_id,
    company_id: record.company_id,
    open: record.state !== "closed",
    state: record.state,
    read: record.read,
    tags: { type: "tag.list", tags: record.tag_ids.flatMap((id) => tagById(store, id)) },
    priority: record.priority,
    sla_applied: null,
    statistics: {
      type: "conversation_statistics",
      time_to_assignment: record.count_assignments > 0 ? 0 : null,
      time_to_admin_reply: record.first_admin_reply_at === null
        ? null
        : record.first_admin_reply_at - record.created_at,
      time_to_first_close: record.last_close_at === null ? null : record.last_close_at - record.created_at,
      time_to_last_close: record.last_close_at === null ? null : record.last_close_at - record.created_at,
      median_time_to_reply: null,
      first_contact_reply_at: record.first_contact_reply_at,
      first_assignment_at: record.count_assignments > 0 ? record.created_at : null,
      first_admin_reply_at: record.first_admin_reply_at,
      first_close_at: record.last_close_at,
      last_assignment_at: record.count_assignments > 0 ? record.created_at : null,
      last_assignment_admin_reply_at: record.first_admin_reply_at,
      last_contact_reply_at: record.first_contact_reply_at,
      last_admin_reply_at: record.first_admin_reply_at,
      last_close_at: record.last_close_at,
      last_closed_by_id: null,
      count_reopens: record.count_reopens,
      count_assignments: record.count_assignments,
      count_conversation_parts: record.parts.length + 1
    },
    conversation_rating: record.rating === null ? null : {
      rating: record.rating.score,
      remark: record.rating.remark,
      created_at: record.rating.created_at,
      contact: { type: "contact", id: record.rating.contact_id, external_id: null },
      teammate: { type: "admin", id: record.rating.admin_id }
    },
    teammates: { type: "admin.list", admins: record.teammate_ids.map((id) => ({ type: "admin", id })) },
    custom_attributes: record.custom_attributes,
    linked_objects: { type: "list", data: [], total_count: 0, has_more: false },
    ai_agent: null,
    ai_agent_participated: false
  }
  if (!options.parts) return base
  return {
    ...base,
    conversation_parts: {
      type: "conversation_part.list",
      conversation_parts: record.parts.slice(-500).map(conversationPart),
      total_count: record.parts.length
    }
  }
}

export const note = (store: Store, record: NoteRecord): Schemas.Note => {
  const author = store.admins.get(record.admin_id)
  return {
    type: "note",
    id: record.id,
    created_at: record.created_at,
    contact: { type: "contact", id: record.contact_id },
    author: author === undefined ? null : {
      type: "admin",
      id: author.id,
      name: author.name,
      email: author.email,
      away_mode_enabled: author.away_mode_enabled,
      away_mode_reassign: author.away_mode_reassign
    },
    body: record.body
  }
}

export const team = (record: TeamRecord): Schemas.Team => ({
  type: "team",
  id: record.id,
  name: record.name,
  admin_ids: record.admin_ids,
  assignment_limit: 10,
  distribution_method: "round_robin"
})

export const dataAttribute = (record: DataAttributeRecord): Schemas.DataAttribute => ({
  type: "data_attribute",
  ...(record.custom ? { id: record.id } : {}),
  name: record.name,
  full_name: record.full_name,
  label: record.label,
  description: record.description,
  data_type: record.data_type,
  ...(record.options === null ? {} : { options: record.options }),
  api_writable: record.api_writable,
  ui_writable: record.ui_writable,
  messenger_writable: record.messenger_writable,
  custom: record.custom,
  archived: record.archived,
  ...(record.custom
    ? { admin_id: record.admin_id, created_at: record.created_at, updated_at: record.updated_at }
    : {}),
  model: record.model
})

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")

export const article = (store: Store, record: ArticleRecord): Schemas.Article => ({
  id: record.id,
  type: "article",
  workspace_id: store.workspaceId,
  parent_id: record.parent_id,
  parent_type: record.parent_type,
  parent_ids: record.parent_id === null ? [] : [record.parent_id],
  title: record.title,
  description: record.description,
  body: record.body,
  author_id: record.author_id,
  state: record.state,
  created_at: record.created_at,
  updated_at: record.updated_at,
  url: record.state === "published"
    ? `https://help.fake-intercom.test/en/articles/${record.id}-${slug(record.title)}`
    : null
})

export const helpCenter = (store: Store, record: HelpCenterRecord): Schemas.HelpCenter => ({
  id: record.id,
  workspace_id: store.workspaceId,
  created_at: record.created_at,
  updated_at: record.created_at,
  identifier: record.identifier,
  website_turned_on: record.website_turned_on,
  display_name: record.display_name,
  url: `https://${record.identifier}.fake-intercom.test`,
  custom_domain: null
})

export const collection = (store: Store, record: CollectionRecord): Schemas.Collection => ({
  id: record.id,
  workspace_id: store.workspaceId,
  name: record.name,
  url: `https://help.fake-intercom.test/en/collections/${record.id}-${slug(record.name)}`,
  order: record.order,
  created_at: record.created_at,
  updated_at: record.updated_at,
  description: record.description,
  icon: record.icon,
  parent_id: record.parent_id,
  help_center_id: record.help_center_id
})

export const contentImportSource = (record: ContentImportSourceRecord): Schemas.ContentImportSource => ({
  id: Number(record.id),
  type: "content_import_source",
  last_synced_at: record.last_synced_at,
  status: record.status,
  url: record.url,
  sync_behavior: record.sync_behavior,
  created_at: record.created_at,
  updated_at: record.updated_at
})

export const externalPage = (record: ExternalPageRecord): Schemas.ExternalPage => ({
  id: record.id,
  type: "external_page",
  title: record.title,
  html: record.html,
  url: record.url,
  ai_agent_availability: record.ai_agent_availability,
  ai_copilot_availability: record.ai_copilot_availability,
  fin_availability: record.fin_availability,
  locale: record.locale,
  source_id: Number(record.source_id),
  external_id: record.external_id,
  created_at: record.created_at,
  updated_at: record.updated_at,
  last_ingested_at: record.last_ingested_at
})

export const internalArticle = (record: InternalArticleRecord): Schemas.InternalArticle => ({
  type: "internal_article",
  id: record.id,
  title: record.title,
  body: record.body,
  owner_id: record.owner_id,
  author_id: record.author_id,
  created_at: record.created_at,
  updated_at: record.updated_at,
  locale: record.locale
})

export const newsfeed = (record: NewsfeedRecord): Schemas.Newsfeed => ({
  id: record.id,
  type: "newsfeed",
  name: record.name,
  created_at: record.created_at,
  updated_at: record.updated_at
})

export const newsItem = (store: Store, record: NewsItemRecord): Schemas.NewsItem => ({
  id: record.id,
  type: "news-item",
  workspace_id: store.workspaceId,
  title: record.title,
  body: record.body,
  sender_id: record.sender_id,
  state: record.state,
  labels: record.labels,
  cover_image_url: record.cover_image_url,
  reactions: record.reactions,
  deliver_silently: record.deliver_silently,
  created_at: record.created_at,
  updated_at: record.updated_at,
  newsfeed_assignments: record.newsfeed_assignments.map((assignment) => ({
    newsfeed_id: Number(assignment.newsfeed_id),
    published_at: assignment.published_at
  }))
})

export const ticketState = (record: TicketStateRecord): Schemas.TicketState => ({
  type: "ticket_state",
  id: record.id,
  category: record.category,
  internal_label: record.internal_label,
  external_label: record.external_label
})

export const ticketTypeAttribute = (
  store: Store,
  type: TicketTypeRecord,
  attribute: TicketTypeAttributeRecord
): Schemas.TicketTypeAttribute => ({
  type: "ticket_type_attribute",
  id: attribute.id,
  workspace_id: store.workspaceId,
  name: attribute.name,
  description: attribute.description,
  data_type: attribute.data_type,
  input_options: null,
  order: attribute.order,
  required_to_create: attribute.required_to_create,
  required_to_create_for_contacts: false,
  visible_on_create: attribute.visible_on_create,
  visible_to_contacts: attribute.visible_to_contacts,
  default: attribute.default,
  ticket_type_id: Number(type.id),
  archived: attribute.archived,
  created_at: attribute.created_at,
  updated_at: attribute.updated_at
})

export const ticketType = (store: Store, record: TicketTypeRecord): Schemas.TicketType => {
  // Sent by the API (see the spec's recorded examples), not in the schema:
  // `is_internal`, and the attributes under `data` where the schema says
  // `ticket_type_attributes`.
  const extra = {
    is_internal: record.is_internal,
    ticket_type_attributes: { type: "list", data: record.attributes.map((a) => ticketTypeAttribute(store, record, a)) }
  }
  const wire: Schemas.TicketType = {
    type: "ticket_type",
    id: record.id,
    name: record.name,
    description: record.description,
    icon: record.icon,
    workspace_id: store.workspaceId,
    archived: record.archived,
    created_at: record.created_at,
    updated_at: record.updated_at,
    category: record.category,
    ticket_states: { type: "list", data: [...store.ticketStates.values()].map(ticketState) }
  }
  return { ...wire, ...extra }
}

export const ticketPart = (part: TicketPartRecord): Schemas.TicketPart => ({
  type: "ticket_part",
  id: part.id,
  part_type: part.part_type,
  ...(part.body === null ? {} : { body: part.body }),
  ...(part.ticket_state === null ? {} : { ticket_state: part.ticket_state }),
  ...(part.previous_ticket_state === null ? {} : { previous_ticket_state: part.previous_ticket_state }),
  created_at: part.created_at,
  updated_at: part.created_at,
  author: { id: part.author.id, type: part.author.type, name: part.author.name, email: part.author.email },
  attachments: [],
  redacted: false
})

export const ticket = (store: Store, record: TicketRecord): Schemas.Ticket => {
  const type = store.ticketTypes.get(record.ticket_type_id)
  const state = store.ticketStates.get(record.state_id)
  return {
    type: "ticket",
    id: record.id,
    ticket_id: record.ticket_id,
    category: type?.category ?? "Customer",
    ticket_attributes: record.ticket_attributes,
    ticket_state: state === undefined ? null : ticketState(state),
    ticket_type: type === undefined ? null : ticketType(store, type),
    contacts: {
      type: "contact.list",
      contacts: record.contact_ids.map((id) => ({
        type: "contact",
        id,
        external_id: store.contacts.get(id)?.external_id ?? null
      }))
    },
    admin_assignee_id: record.admin_assignee_id,
    team_assignee_id: record.team_assignee_id,
    created_at: record.created_at,
    updated_at: record.updated_at,
    open: record.open,
    snoozed_until: record.snoozed_until,
    linked_objects: { type: "list", data: [], total_count: 0, has_more: false },
    ticket_parts: {
      type: "ticket_part.list",
      ticket_parts: record.parts.map(ticketPart),
      total_count: record.parts.length
    },
    is_shared: record.is_shared
  }
}

export const subscriptionType = (record: SubscriptionTypeRecord): Schemas.SubscriptionType => ({
  type: "subscription",
  id: record.id,
  state: record.state,
  consent_type: record.consent_type,
  default_translation: { name: record.name, description: record.description, locale: "en" },
  translations: [{ name: record.name, description: record.description, locale: "en" }],
  content_types: record.content_types
})

/** An ISO 8601 date, as the export jobs render their expiry. */
const isoDate = (seconds: number): string => new Date(seconds * 1000).toISOString()

/** Completed export downloads stay available for two days. */
export const EXPORT_EXPIRY_SECONDS = 2 * 86_400

export const reportingExport = (origin: string, record: ReportingExportRecord) => ({
  job_identifier: record.id,
  status: record.status,
  download_url: record.status === "complete" ? `${origin}/download/reporting_data/${record.id}` : "",
  download_expires_at: record.completed_at === null ? "" : isoDate(record.completed_at + EXPORT_EXPIRY_SECONDS)
})

export const contentExport = (origin: string, record: ContentExportRecord): Schemas.DataExport => ({
  job_identifier: record.id,
  status: record.status,
  download_url: record.status === "completed" ? `${origin}/download/content/data/${record.id}` : "",
  download_expires_at: record.status === "completed" && record.completed_at !== null
    ? isoDate(record.completed_at + EXPORT_EXPIRY_SECONDS)
    : ""
})

export const job = (origin: string, record: JobRecord): Schemas.Jobs => ({
  type: "job",
  id: record.id,
  url: `${origin}/jobs/status/${record.id}`,
  status: record.status,
  resource_type: record.resource_type,
  resource_id: record.resource_id,
  resource_url: record.resource_id === null ? null : `${origin}/tickets/${record.resource_id}`
})

export const customObjectInstance = (record: CustomObjectInstanceRecord): Schemas.CustomObjectInstance => ({
  id: record.id,
  type: record.type,
  custom_attributes: record.custom_attributes,
  external_id: record.external_id,
  external_created_at: record.external_created_at,
  external_updated_at: record.external_updated_at,
  created_at: record.created_at,
  updated_at: record.updated_at
})

export const call = (origin: string, record: CallRecord): Schemas.Call => ({
  type: "call",
  id: record.id,
  conversation_id: record.conversation_id,
  admin_id: record.admin_id,
  contact_id: record.contact_id,
  state: record.state,
  initiated_at: record.initiated_at,
  answered_at: record.answered_at,
  ended_at: record.ended_at,
  created_at: record.initiated_at,
  updated_at: record.ended_at,
  recording_url: record.recorded ? `${origin}/calls/${record.id}/recording` : null,
  transcription_url: record.transcript === null ? null : `${origin}/calls/${record.id}/transcript`,
  call_type: record.call_type,
  direction: record.direction,
  ended_reason: record.ended_reason,
  phone: record.phone,
  fin_recording_url: null,
  fin_transcription_url: null
})

export const visitor = (store: Store, record: VisitorRecord): Schemas.Visitor => {
  // sent by the API (the spec's examples), where the schema says `las_request_at`
  const extra = { last_request_at: null }
  const wire: Schemas.Visitor = {
    type: "visitor",
    id: record.id,
    user_id: record.user_id,
    anonymous: record.email === null,
    email: record.email ?? "",
    phone: null,
    name: record.name,
    pseudonym: record.pseudonym,
    avatar: {
      type: "avatar",
      image_url: `https://static.intercomassets.com/app/pseudonym_avatars_2019/${
        record.pseudonym.toLowerCase().replace(/ /g, "-")
      }.png`
    },
    app_id: store.workspaceId,
    companies: { type: "company.list", companies: [] },
    location_data: {},
    las_request_at: null,
    created_at: record.created_at,
    remote_created_at: record.created_at,
    signed_up_at: record.created_at,
    updated_at: record.updated_at,
    session_count: 0,
    social_profiles: { type: "social_profile.list", social_profiles: [] },
    owner_id: null,
    unsubscribed_from_emails: false,
    marked_email_as_spam: false,
    has_hard_bounced: false,
    tags: { type: "tag.list", tags: [] },
    segments: { type: "segment.list", segments: [] },
    custom_attributes: record.custom_attributes,
    referrer: null,
    utm_campaign: null,
    utm_content: null,
    utm_medium: null,
    utm_source: null,
    utm_term: null,
    do_not_track: null
  }
  return { ...wire, ...extra }
}

export const awayStatusReason = (record: AwayStatusReasonRecord): Schemas.AwayStatusReason => ({
  type: "away_status_reason",
  id: record.id,
  label: record.label,
  emoji: record.emoji,
  order: record.order,
  deleted: record.deleted,
  created_at: record.created_at,
  updated_at: record.updated_at
})

export const ipAllowlist = (store: Store): Schemas.IpAllowlist => ({
  type: "ip_allowlist",
  enabled: store.ipAllowlist.enabled,
  ip_allowlist: [...store.ipAllowlist.ip_allowlist]
})
