/**
 * Deterministic seed data: the same options and PRNG seed always give the
 * same workspace (ids, names, timestamps, links), independent of the clock.
 */
import type { SeedCounts } from "../FakeIntercom.js"
import type * as Prng from "./prng.js"
import type {
  AdminRecord,
  ArticleRecord,
  Author,
  CollectionRecord,
  CompanyRecord,
  ContactRecord,
  ConversationRecord,
  DataAttributeRecord,
  ExternalPageRecord,
  Location,
  NewsItemRecord,
  PartRecord,
  Store,
  TicketRecord,
  TicketTypeRecord,
  WorkflowRecord
} from "./store.js"

export const defaultCounts: SeedCounts = {
  admins: 8,
  teams: 3,
  contacts: 5000,
  companies: 500,
  conversations: 2000,
  partsPerConversation: 4,
  tags: 20,
  segments: 6,
  notes: 800,
  events: 600,
  tickets: 200,
  articles: 60,
  collections: 8,
  externalPages: 12,
  internalArticles: 30,
  newsItems: 24
}

/** Seed timestamps are spread over the two years before this instant (2023-11-14T22:13:20Z). */
export const SEED_EPOCH = 1_700_000_000
const DAY = 86_400
const SPAN = 730 * DAY

const FIRST = [
  "Ada",
  "Alan",
  "Grace",
  "Linus",
  "Barbara",
  "Ken",
  "Margaret",
  "Dennis",
  "Radia",
  "Edsger",
  "Frances",
  "John",
  "Hedy",
  "Tim",
  "Katherine",
  "Donald",
  "Sophie",
  "Guido",
  "Joan",
  "Bjarne",
  "Lynn",
  "Niklaus",
  "Shafi",
  "Leslie"
]
const LAST = [
  "Lovelace",
  "Turing",
  "Hopper",
  "Torvalds",
  "Liskov",
  "Thompson",
  "Hamilton",
  "Ritchie",
  "Perlman",
  "Dijkstra",
  "Allen",
  "McCarthy",
  "Lamarr",
  "Berners-Lee",
  "Johnson",
  "Knuth",
  "Wilson",
  "van Rossum",
  "Clarke",
  "Stroustrup",
  "Conway",
  "Wirth",
  "Goldwasser",
  "Lamport"
]
const DOMAINS = ["example.com", "example.org", "acme.test", "globex.test", "initech.test", "umbrella.test"]
const PLACES: ReadonlyArray<Location> = [
  { country: "Ireland", region: "Dublin", city: "Dublin", country_code: "IRL", continent_code: "EU" },
  { country: "United States", region: "California", city: "San Francisco", country_code: "USA", continent_code: "NA" },
  { country: "United States", region: "New York", city: "New York", country_code: "USA", continent_code: "NA" },
  { country: "United Kingdom", region: "England", city: "London", country_code: "GBR", continent_code: "EU" },
  { country: "France", region: "Ile-de-France", city: "Paris", country_code: "FRA", continent_code: "EU" },
  { country: "Germany", region: "Berlin", city: "Berlin", country_code: "DEU", continent_code: "EU" },
  { country: "Australia", region: "New South Wales", city: "Sydney", country_code: "AUS", continent_code: "OC" },
  { country: "Brazil", region: "Sao Paulo", city: "Sao Paulo", country_code: "BRA", continent_code: "SA" },
  { country: "Japan", region: "Tokyo", city: "Tokyo", country_code: "JPN", continent_code: "AS" }
]
const BROWSERS = ["chrome", "firefox", "safari", "edge"]
const OSES = ["OS X 14.1", "Windows 11", "Linux", "iOS 17.1", "Android 14"]
const PLANS = ["free", "starter", "pro", "enterprise"]
const TAG_NAMES = [
  "vip",
  "beta",
  "churn-risk",
  "enterprise",
  "trial",
  "newsletter",
  "partner",
  "feedback",
  "billing",
  "onboarding",
  "priority",
  "bug",
  "feature-request",
  "mobile",
  "api",
  "security",
  "sales",
  "renewal",
  "education",
  "nonprofit"
]
const SEGMENT_NAMES = ["Active users", "New leads", "Slipping away", "Paying customers", "Trial users", "EU customers"]
const TEAM_NAMES = ["Support", "Success", "Billing", "Engineering", "Sales"]
const JOB_TITLES = ["Support engineer", "Customer success", "Billing specialist", "Engineer", "Account executive"]
const ADJECTIVES = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Stark",
  "Wayne",
  "Tyrell",
  "Cyberdyne",
  "Soylent"
]
const NOUNS = ["Labs", "Systems", "Industries", "Holdings", "Software", "Analytics", "Robotics", "Foods", "Media"]
const INDUSTRIES = ["Software", "Retail", "Finance", "Healthcare", "Education", "Manufacturing", "Media"]
const SUBJECTS = [
  "I need help with billing",
  "Cannot log in to my account",
  "Feature request: dark mode",
  "The export to CSV fails",
  "How do I invite my team?",
  "Refund for a duplicate charge",
  "The mobile app crashes on start",
  "Question about the enterprise plan",
  "Webhook deliveries are delayed",
  "Thanks for the quick fix"
]
const ADMIN_REPLIES = [
  "Thanks for reaching out, I am looking into it now.",
  "Could you send a screenshot of the error?",
  "I have refunded the duplicate charge.",
  "This is fixed in the latest release.",
  "I have passed this on to our engineering team."
]
const USER_REPLIES = [
  "Thanks!",
  "Here is the screenshot.",
  "It works now, thank you.",
  "Still broken for me.",
  "Great, thanks."
]
const EVENT_NAMES = ["signed-up", "invited-teammate", "created-project", "exported-report", "upgraded-plan"]

const at = (index: number, count: number, prng: Prng.Prng): number =>
  SEED_EPOCH - SPAN + Math.floor((index / Math.max(count, 1)) * SPAN) + prng.int(0, 3600)

export const seed = (store: Store, counts: SeedCounts): void => {
  const prng = store.prng

  // admins and teams
  const admins: Array<AdminRecord> = []
  for (let i = 0; i < Math.max(1, counts.admins); i++) {
    const first = FIRST[i % FIRST.length]
    const last = LAST[(i * 7) % LAST.length]
    const admin: AdminRecord = {
      id: String(991267459 + i),
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, "")}@fake-intercom.test`,
      job_title: JOB_TITLES[i % JOB_TITLES.length],
      away_mode_enabled: false,
      away_mode_reassign: false,
      away_status_reason_id: null,
      has_inbox_seat: true,
      team_ids: []
    }
    store.admins.set(admin.id, admin)
    admins.push(admin)
  }
  store.meId = admins[0].id
  for (let i = 0; i < Math.min(counts.teams, TEAM_NAMES.length); i++) {
    const id = String(9_900_000 + i)
    const members = admins.filter((_, index) => index % counts.teams === i)
    store.teams.set(id, { id, name: TEAM_NAMES[i], admin_ids: members.map((a) => Number(a.id)) })
    for (const admin of members) admin.team_ids.push(Number(id))
  }
  const adminAuthors: Array<Author> = admins.map((a) => store.authorOfAdmin(a))

  // tags, segments, subscription types
  const tagIds: Array<string> = []
  for (let i = 0; i < counts.tags; i++) {
    const id = store.nextNumericId("tag", 100)
    store.tags.set(id, { id, name: i < TAG_NAMES.length ? TAG_NAMES[i] : `tag-${i + 1}` })
    tagIds.push(id)
  }
  const segmentIds: Array<string> = []
  for (let i = 0; i < counts.segments; i++) {
    const id = store.nextObjectId("segment")
    const created = at(i, counts.segments, prng)
    store.segments.set(id, {
      id,
      name: i < SEGMENT_NAMES.length ? SEGMENT_NAMES[i] : `Segment ${i + 1}`,
      person_type: i === 1 ? "contact" : "user",
      created_at: created,
      updated_at: created
    })
    segmentIds.push(id)
  }
  const subscriptionTypes = [
    { name: "Newsletters", description: "Our monthly newsletter", consent_type: "opt_out", content_types: ["email"] },
    {
      name: "Product updates",
      description: "What is new in the product",
      consent_type: "opt_out",
      content_types: ["email"]
    },
    { name: "SMS alerts", description: "Outage alerts by SMS", consent_type: "opt_in", content_types: ["sms_message"] }
  ] as const
  for (const type of subscriptionTypes) {
    const id = store.nextNumericId("subscription_type", 90)
    store.subscriptionTypes.set(id, { id, state: "live", ...type })
  }
  const subscriptionIds = [...store.subscriptionTypes.keys()]

  // data attributes
  const attribute = (
    model: DataAttributeRecord["model"],
    name: string,
    label: string,
    data_type: string,
    custom: boolean,
    description = ""
  ) => {
    const id = Number(store.nextNumericId("data_attribute", 0))
    store.dataAttributes.set(id, {
      id,
      model,
      name,
      full_name: custom ? `custom_attributes.${name}` : name,
      label,
      description,
      data_type,
      options: null,
      api_writable: true,
      messenger_writable: false,
      ui_writable: custom,
      custom,
      archived: false,
      created_at: custom ? SEED_EPOCH - SPAN : null,
      updated_at: custom ? SEED_EPOCH - SPAN : null,
      admin_id: custom ? admins[0].id : null
    })
  }
  attribute("contact", "name", "Name", "string", false, "The contact's name")
  attribute("contact", "email", "Email", "string", false, "The contact's email")
  attribute("contact", "phone", "Phone", "string", false, "The contact's phone number")
  attribute("contact", "external_id", "User ID", "string", false, "Your id for the contact")
  attribute("contact", "created_at", "Signed up", "date", false, "When the contact was created")
  attribute("contact", "last_seen_at", "Last seen", "date", false, "When the contact was last seen")
  attribute("contact", "plan", "Plan", "string", true, "The contact's plan")
  attribute("contact", "seats", "Seats", "integer", true, "Seats in use")
  attribute("contact", "beta", "Beta tester", "boolean", true, "Whether the contact joined the beta")
  attribute("company", "name", "Company name", "string", false, "The name of a company")
  attribute("company", "company_id", "Company ID", "string", false, "A number identifying a company")
  attribute("company", "monthly_spend", "Monthly Spend", "float", false, "The monthly revenue of a company")
  attribute("company", "size", "Company size", "integer", false, "The number of people employed")
  attribute("company", "tier", "Tier", "string", true, "The support tier")
  attribute("conversation", "order_id", "Order ID", "string", true, "The order the conversation is about")

  // companies
  const companyIds: Array<string> = []
  for (let i = 0; i < counts.companies; i++) {
    const id = store.nextObjectId("company")
    const created = at(i, counts.companies, prng)
    const name = `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]}${
      i >= ADJECTIVES.length * NOUNS.length ? ` ${Math.floor(i / (ADJECTIVES.length * NOUNS.length)) + 1}` : ""
    }`
    const company: CompanyRecord = {
      seq: store.nextSeq(),
      id,
      company_id: `comp_${i + 1}`,
      name,
      plan: prng.pick(PLANS),
      size: prng.int(1, 5000),
      website: `https://${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.test`,
      industry: prng.pick(INDUSTRIES),
      monthly_spend: prng.int(0, 20000),
      session_count: prng.int(0, 500),
      remote_created_at: created - prng.int(0, 100) * DAY,
      created_at: created,
      updated_at: created + prng.int(0, 30) * DAY,
      last_request_at: created + prng.int(0, 60) * DAY,
      custom_attributes: { tier: prng.pick(["bronze", "silver", "gold"]) },
      tag_ids: prng.chance(0.2) ? prng.sample(tagIds, 1) : [],
      segment_ids: prng.chance(0.3) ? prng.sample(segmentIds, 1) : [],
      contact_ids: new Set()
    }
    store.companies.set(id, company)
    store.companiesByCompanyId.set(company.company_id, id)
    companyIds.push(id)
  }

  // contacts
  const contacts: Array<ContactRecord> = []
  for (let i = 0; i < counts.contacts; i++) {
    const id = store.nextObjectId("contact")
    const first = prng.pick(FIRST)
    const last = prng.pick(LAST)
    const role = prng.chance(0.8) ? "user" : "lead"
    const created = at(i, counts.contacts, prng)
    const seen = prng.chance(0.85) ? created + prng.int(0, 120) * DAY : null
    const contact: ContactRecord = {
      seq: store.nextSeq(),
      id,
      external_id: role === "user" ? `user_${i + 1}` : null,
      role,
      email: prng.chance(0.95)
        ? `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, "")}${i + 1}@${prng.pick(DOMAINS)}`
        : null,
      phone: prng.chance(0.3) ? `+1555${String(prng.int(0, 9_999_999)).padStart(7, "0")}` : null,
      name: `${first} ${last}`,
      avatar: null,
      owner_id: prng.chance(0.3) ? Number(prng.pick(admins).id) : null,
      created_at: created,
      updated_at: seen ?? created,
      signed_up_at: role === "user" ? created : null,
      last_seen_at: seen,
      last_replied_at: null,
      last_contacted_at: null,
      last_email_opened_at: prng.chance(0.4) ? created + prng.int(1, 90) * DAY : null,
      last_email_clicked_at: null,
      unsubscribed_from_emails: prng.chance(0.1),
      has_hard_bounced: prng.chance(0.02),
      marked_email_as_spam: prng.chance(0.01),
      language_override: null,
      browser: prng.pick(BROWSERS),
      browser_version: `${prng.int(100, 130)}.0`,
      browser_language: prng.pick(["en", "en", "fr", "de", "ja", "pt"]),
      os: prng.pick(OSES),
      location: { ...prng.pick(PLACES) },
      custom_attributes: { plan: prng.pick(PLANS), seats: prng.int(1, 50), beta: prng.chance(0.25) },
      tag_ids: prng.chance(0.4) ? prng.sample(tagIds, prng.int(1, 3)) : [],
      company_ids: [],
      segment_ids: prng.chance(0.5) ? prng.sample(segmentIds, prng.int(1, 2)) : [],
      subscriptions: new Map(),
      archived: false,
      blocked: false
    }
    if (prng.chance(0.2)) contact.subscriptions.set(prng.pick(subscriptionIds), prng.chance(0.5) ? "opt_in" : "opt_out")
    store.contacts.set(id, contact)
    if (contact.external_id !== null) store.contactsByExternalId.set(contact.external_id, id)
    if (companyIds.length > 0 && prng.chance(0.7)) {
      for (const companyId of prng.sample(companyIds, prng.int(1, 2))) {
        store.attach(contact, store.companies.get(companyId)!)
      }
    }
    contacts.push(contact)
  }

  // notes
  for (let i = 0; i < counts.notes && contacts.length > 0; i++) {
    const contact = prng.pick(contacts)
    const id = store.nextNumericId("note", 0)
    store.addNote({
      seq: store.nextSeq(),
      id,
      contact_id: contact.id,
      admin_id: prng.pick(admins).id,
      body: `<p>${prng.pick(["Called about renewal.", "Asked for a demo.", "Prefers email.", "Key account."])}</p>`,
      created_at: contact.created_at + prng.int(0, 60) * DAY
    })
  }

  // events
  for (let i = 0; i < counts.events && contacts.length > 0; i++) {
    const contact = contacts[i % Math.min(contacts.length, 100)]
    store.events.push({
      seq: store.nextSeq(),
      id: store.nextNumericId("event", 0),
      event_name: prng.pick(EVENT_NAMES),
      created_at: contact.created_at + prng.int(0, 90) * DAY,
      contact_id: contact.id,
      metadata: { source: prng.pick(["web", "ios", "android"]) }
    })
  }

  // conversations with parts
  for (let i = 0; i < counts.conversations && contacts.length > 0; i++) {
    const contact = prng.pick(contacts)
    const created = at(i, counts.conversations, prng)
    const id = store.nextNumericId("conversation", 1000)
    const contactAuthor = store.authorOfContact(contact)
    const subject = prng.pick(SUBJECTS)
    const isEmail = prng.chance(0.3)
    const parts: Array<PartRecord> = []
    let time = created
    let firstAdminReply: number | null = null
    let firstContactReply: number | null = null
    let assignee: number | null = prng.chance(0.6) ? Number(prng.pick(admins).id) : null
    const partCount = counts.partsPerConversation <= 0 ? 0 : prng.int(1, counts.partsPerConversation)
    for (let p = 0; p < partCount; p++) {
      time += prng.int(60, 6 * 3600)
      const fromAdmin = p % 2 === 0
      const admin = prng.pick(adminAuthors)
      if (fromAdmin && firstAdminReply === null) firstAdminReply = time
      if (!fromAdmin && firstContactReply === null) firstContactReply = time
      parts.push({
        id: store.nextNumericId("part", 100_000),
        part_type: p === 0 && assignee !== null ? "assignment" : "comment",
        body: `<p>${fromAdmin ? prng.pick(ADMIN_REPLIES) : prng.pick(USER_REPLIES)}</p>`,
        created_at: time,
        assigned_to: p === 0 && assignee !== null ? { type: "admin", id: String(assignee) } : null,
        author: fromAdmin ? admin : contactAuthor
      })
    }
    const roll = prng.next()
    const state: ConversationRecord["state"] = roll < 0.4 ? "open" : roll < 0.9 ? "closed" : "snoozed"
    let lastClose: number | null = null
    if (state === "closed") {
      time += prng.int(60, 3600)
      lastClose = time
      parts.push({
        id: store.nextNumericId("part", 100_000),
        part_type: "close",
        body: null,
        created_at: time,
        assigned_to: null,
        author: prng.pick(adminAuthors)
      })
    }
    if (state === "closed" && prng.chance(0.5)) assignee = null
    const record: ConversationRecord = {
      seq: store.nextSeq(),
      id,
      created_at: created,
      updated_at: time,
      waiting_since: state === "open" ? time : null,
      snoozed_until: state === "snoozed" ? time + prng.int(1, 7) * DAY : null,
      title: isEmail ? subject : null,
      state,
      read: state !== "open" || prng.chance(0.5),
      priority: prng.chance(0.15) ? "priority" : "not_priority",
      admin_assignee_id: assignee,
      team_assignee_id: prng.chance(0.3) && store.teams.size > 0 ? prng.pick([...store.teams.keys()]) : null,
      company_id: contact.company_ids[0] ?? null,
      tag_ids: prng.chance(0.35) ? prng.sample(tagIds, prng.int(1, 2)) : [],
      contact_ids: [contact.id],
      teammate_ids: assignee === null ? [] : [String(assignee)],
      custom_attributes: prng.chance(0.2) ? { order_id: `ord_${prng.int(1000, 9999)}` } : {},
      source: {
        type: isEmail ? "email" : "conversation",
        id: store.nextNumericId("message", 403_918_000),
        delivered_as: "customer_initiated",
        subject: isEmail ? subject : "",
        body: `<p>${subject}</p>`,
        author: contactAuthor
      },
      parts,
      first_contact_reply_at: firstContactReply,
      first_admin_reply_at: firstAdminReply,
      last_close_at: lastClose,
      count_reopens: 0,
      count_assignments: assignee === null ? 0 : 1,
      rating: state === "closed" && prng.chance(0.3)
        ? {
          score: prng.int(1, 5),
          remark: null,
          created_at: time,
          contact_id: contact.id,
          admin_id: prng.pick(admins).id
        }
        : null
    }
    store.conversations.set(id, record)
  }

  // help centres, collections, articles
  for (let i = 0; i < 2; i++) {
    const id = store.nextNumericId("help_center", 90)
    store.helpCenters.set(id, {
      id,
      identifier: i === 0 ? "help" : "developers",
      display_name: i === 0 ? "Fake Intercom Help" : "Developer Hub",
      website_turned_on: i === 0,
      created_at: SEED_EPOCH - SPAN
    })
  }
  const helpCenterIds = [...store.helpCenters.keys()]
  const collections: Array<CollectionRecord> = []
  for (let i = 0; i < counts.collections; i++) {
    const id = store.nextNumericId("collection", 150)
    const created = at(i, counts.collections, prng)
    const collection: CollectionRecord = {
      seq: store.nextSeq(),
      id,
      name: ["Getting started", "Billing", "Account", "Integrations", "API", "Security", "Mobile", "Reporting"][i % 8],
      description: "Articles to help you get going",
      icon: "book-bookmark",
      order: i + 1,
      parent_id: null,
      help_center_id: Number(helpCenterIds[i % helpCenterIds.length]),
      created_at: created,
      updated_at: created
    }
    store.collections.set(id, collection)
    collections.push(collection)
  }
  for (let i = 0; i < counts.articles; i++) {
    const id = store.nextNumericId("article", 40)
    const created = at(i, counts.articles, prng)
    const parent = collections.length > 0 ? collections[i % collections.length] : undefined
    const topic = prng.pick([
      "billing",
      "your account",
      "the API",
      "integrations",
      "reports",
      "security",
      "the mobile app"
    ])
    const article: ArticleRecord = {
      seq: store.nextSeq(),
      id,
      title: `${prng.pick(["How to use", "Troubleshooting", "Getting started with", "FAQ:"])} ${topic}`,
      description: `Everything about ${topic}`,
      body: `<p>This article explains ${topic}.</p>`,
      author_id: Number(prng.pick(admins).id),
      state: prng.chance(0.8) ? "published" : "draft",
      parent_id: parent ? Number(parent.id) : null,
      parent_type: parent ? "collection" : null,
      created_at: created,
      updated_at: created
    }
    store.articles.set(id, article)
  }

  // ticket states, types and tickets
  const states = [
    ["submitted", "Submitted", "Submitted"],
    ["in_progress", "In progress", "In progress"],
    ["waiting_on_customer", "Waiting on customer", "Waiting on you"],
    ["resolved", "Resolved", "Resolved"]
  ] as const
  for (const [category, internal_label, external_label] of states) {
    const id = store.nextNumericId("ticket_state", 8320)
    store.ticketStates.set(id, { id, category, internal_label, external_label })
  }
  const stateIds = [...store.ticketStates.keys()]
  const ticketTypes: Array<TicketTypeRecord> = []
  for (
    const [name, category, icon] of [
      ["Bug Report", "Customer", "🐞"],
      ["Refund request", "Back-office", "💸"],
      ["Outage", "Tracker", "🚨"]
    ] as const
  ) {
    const id = store.nextNumericId("ticket_type", 60)
    const created = SEED_EPOCH - SPAN
    const type: TicketTypeRecord = {
      id,
      name,
      description: `${name} template`,
      icon,
      category,
      is_internal: category !== "Customer",
      archived: false,
      created_at: created,
      updated_at: created,
      attributes: ["_default_title_", "_default_description_"].map((attributeName, order) => ({
        id: store.nextNumericId("ticket_type_attribute", 160),
        name: attributeName,
        description: "",
        data_type: "string",
        order,
        required_to_create: false,
        visible_on_create: true,
        visible_to_contacts: true,
        default: true,
        archived: false,
        created_at: created,
        updated_at: created
      }))
    }
    store.ticketTypes.set(id, type)
    ticketTypes.push(type)
  }
  for (let i = 0; i < counts.tickets && contacts.length > 0; i++) {
    const contact = prng.pick(contacts)
    const type = prng.pick(ticketTypes)
    const created = at(i, counts.tickets, prng)
    const stateId = prng.pick(stateIds)
    const ticket: TicketRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("ticket", 600),
      ticket_id: String(i + 1),
      ticket_type_id: type.id,
      ticket_attributes: {
        _default_title_: prng.pick(SUBJECTS),
        _default_description_: "Reported through the messenger"
      },
      state_id: stateId,
      contact_ids: [contact.id],
      admin_assignee_id: prng.chance(0.5) ? prng.pick(admins).id : "0",
      team_assignee_id: "0",
      company_id: contact.company_ids[0] ?? null,
      created_at: created,
      updated_at: created + prng.int(0, 5) * DAY,
      open: store.ticketStates.get(stateId)!.category !== "resolved",
      snoozed_until: null,
      is_shared: type.category === "Customer",
      tag_ids: prng.chance(0.2) ? prng.sample(tagIds, 1) : [],
      parts: [{
        id: store.nextNumericId("ticket_part", 170),
        part_type: "ticket_state_updated_by_admin",
        body: null,
        previous_ticket_state: "submitted",
        ticket_state: store.ticketStates.get(stateId)!.category,
        created_at: created,
        author: prng.pick(adminAuthors)
      }]
    }
    store.tickets.set(ticket.id, ticket)
  }

  seedContent(store, counts, admins)
  seedWorkspaceExtras(store)
  seedPreviewExtras(store)
}

const INTERNAL_TITLES = [
  "Refund policy",
  "Escalating to engineering",
  "Handling outages",
  "Tone of voice",
  "VIP customers",
  "Billing disputes",
  "Security questionnaires",
  "Onboarding checklist"
]
const NEWS_TITLES = ["We have news", "New dashboard", "Faster exports", "Dark mode", "Team inboxes", "Better search"]
const NEWS_LABELS = ["New", "Product", "Update", "Fix"]
/** Intercom's default reactions of a news item. */
export const DEFAULT_REACTIONS: ReadonlyArray<string> = ["\u{1F496}", "\u{1F600}", "\u{1F64C}", "\u{1F62E}"]

/** `count` instants spread over the seed span, without the PRNG (so adding them shifts no other seed data). */
const spread = (index: number, count: number): number =>
  SEED_EPOCH - SPAN + Math.floor(((index + 1) * SPAN) / (count + 1))

/** AI content sources and pages, internal articles, newsfeeds and news items (no PRNG draws). */
const seedContent = (store: Store, counts: SeedCounts, admins: ReadonlyArray<AdminRecord>): void => {
  const sources = [
    ["automatic", "https://support.example.com/us/1"],
    ["automatic", "https://support.example.com/us/2"],
    ["automatic", "https://support.example.com/us/3"],
    ["api", "https://docs.example.com"]
  ] as const
  for (const [i, [sync_behavior, url]] of sources.entries()) {
    const id = store.nextNumericId("content_import_source", 32)
    const created = spread(i, sources.length)
    store.contentImportSources.set(id, {
      seq: store.nextSeq(),
      id,
      url,
      sync_behavior,
      status: "active",
      last_synced_at: created,
      created_at: created,
      updated_at: created
    })
  }
  const sourceIds = [...store.contentImportSources.keys()]
  for (let i = 0; i < counts.externalPages; i++) {
    const source = store.contentImportSources.get(sourceIds[i % sourceIds.length])!
    const created = spread(i, counts.externalPages)
    const title = `${INTERNAL_TITLES[i % INTERNAL_TITLES.length]} (external)`
    const page: ExternalPageRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("external_page", 16),
      title,
      html: `<h1>${title}</h1><p>This is external content</p>`,
      url: `${source.url}/pages/${i + 1}`,
      ai_agent_availability: true,
      ai_copilot_availability: true,
      fin_availability: true,
      locale: "en",
      source_id: source.id,
      external_id: String(i + 1),
      created_at: created,
      updated_at: created,
      last_ingested_at: created
    }
    store.externalPages.set(page.id, page)
  }

  for (let i = 0; i < counts.internalArticles; i++) {
    const created = spread(i, counts.internalArticles)
    const owner = admins[i % admins.length]
    const id = store.nextNumericId("internal_article", 38)
    store.internalArticles.set(id, {
      seq: store.nextSeq(),
      id,
      title: `${INTERNAL_TITLES[i % INTERNAL_TITLES.length]}${i < INTERNAL_TITLES.length ? "" : ` ${i + 1}`}`,
      body: `<p>How we handle it, step by step (${i + 1}).</p>`,
      owner_id: Number(owner.id),
      author_id: Number(admins[(i + 1) % admins.length].id),
      locale: "en",
      folder_id: String(500 + (i % 3)),
      created_at: created,
      updated_at: created
    })
  }

  for (const [i, name] of ["Visitor Feed", "User Feed", "Lead Feed"].entries()) {
    const id = store.nextNumericId("newsfeed", 67)
    const created = spread(i, 3)
    store.newsfeeds.set(id, { seq: store.nextSeq(), id, name, created_at: created, updated_at: created })
  }
  const feedIds = [...store.newsfeeds.keys()]
  for (let i = 0; i < counts.newsItems; i++) {
    const created = spread(i, counts.newsItems)
    const live = i % 3 !== 2
    const item: NewsItemRecord = {
      seq: store.nextSeq(),
      id: store.nextNumericId("news_item", 28),
      title: NEWS_TITLES[i % NEWS_TITLES.length],
      body: "<p>Hello there,</p>",
      sender_id: Number(admins[i % admins.length].id),
      state: live ? "live" : "draft",
      labels: NEWS_LABELS.filter((_, n) => (i + n) % 3 === 0).sort(),
      reactions: [...DEFAULT_REACTIONS],
      deliver_silently: i % 4 === 0,
      cover_image_url: null,
      newsfeed_assignments: [{ newsfeed_id: feedIds[i % feedIds.length], published_at: live ? created : null }],
      created_at: created,
      updated_at: created
    }
    store.newsItems.set(item.id, item)
  }
}

const PSEUDONYMS = ["Violet Suitcase", "Amber Lantern", "Teal Kite", "Coral Bicycle", "Indigo Teapot", "Olive Compass"]

/**
 * Away status reasons, the IP allowlist, custom object instances, calls and
 * visitors. Drawn from the records seeded before them, by index (no PRNG
 * draw), so the rest of the seed is the same with or without them.
 */
export const seedWorkspaceExtras = (store: Store): void => {
  const reasons = [["On a break", "☕"], ["In a meeting", "📅"], ["Lunch", "🍕"], ["Finished for the day", "🏠"], [
    "Out sick",
    "🤒"
  ]] as const
  reasons.forEach(([label, emoji], i) => {
    store.awayStatusReasons.push({
      id: String(1200 + i),
      label,
      emoji,
      order: i + 1,
      // Intercom lists deleted reasons too
      deleted: i === reasons.length - 1,
      created_at: SEED_EPOCH - SPAN,
      updated_at: SEED_EPOCH - SPAN + i * DAY
    })
  })
  store.ipAllowlist.enabled = false
  store.ipAllowlist.ip_allowlist = ["192.168.1.0/24", "10.0.0.1"]

  // custom objects: orders
  store.customObjectTypes.add("Order")
  store.customObjectTypes.add("Subscription")
  for (let i = 0; i < 12; i++) {
    const created = SEED_EPOCH - SPAN + i * 30 * DAY
    const id = String(20 + i)
    store.customObjectInstances.set(id, {
      seq: store.nextSeq(),
      id,
      type: "Order",
      external_id: `ORDER-${10_000 + i}`,
      external_created_at: created - DAY,
      external_updated_at: created - DAY,
      created_at: created,
      updated_at: created,
      custom_attributes: { order_number: `ORDER-${10_000 + i}`, total_amount: 19.99 + i * 10 }
    })
  }

  // calls: one for every third conversation
  const admins = [...store.admins.values()]
  let n = 0
  for (const conversation of store.conversations.values()) {
    if (n++ % 3 !== 0) continue
    const contact = store.contacts.get(conversation.contact_ids[0])
    const admin = admins[n % admins.length]
    const answered = n % 5 !== 1
    const initiated = conversation.created_at + 60
    const id = String(5000 + Math.floor(n / 3))
    const name = admin.name.split(" ")[0]
    store.calls.set(id, {
      seq: store.nextSeq(),
      id,
      conversation_id: conversation.id,
      admin_id: admin.id,
      contact_id: contact?.id ?? null,
      state: answered ? "completed" : "missed",
      call_type: n % 2 === 0 ? "phone" : "messenger",
      direction: n % 4 === 0 ? "outbound" : "inbound",
      ended_reason: answered ? "answered" : "no_answer",
      phone: contact?.phone ?? null,
      initiated_at: initiated,
      answered_at: answered ? initiated + 3 : null,
      ended_at: answered ? initiated + 93 + (n % 7) * 60 : initiated + 30,
      recorded: answered,
      transcript: answered
        ? [
          { at: 3, speaker: name, text: "Hello, thanks for calling. How can I help today?" },
          { at: 9, speaker: "User", text: "I need help recovering access to my account." },
          { at: 15, speaker: name, text: "I can help with that. I will send you the next steps." },
          { at: 22, speaker: "User", text: "Great, thanks." }
        ]
        : null
    })
  }

  // visitors
  for (let i = 0; i < 6; i++) {
    const created = SEED_EPOCH - 10 * DAY + i * DAY
    const id = `6762f30${i}1bb69f9f2193bc5e`
    store.visitors.set(id, {
      seq: store.nextSeq(),
      id,
      user_id: `3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f${i}`,
      name: null,
      email: null,
      pseudonym: PSEUDONYMS[i % PSEUDONYMS.length],
      created_at: created,
      updated_at: created,
      custom_attributes: {}
    })
  }
}

const MACROS: ReadonlyArray<readonly [string, string]> = [
  ["Order Status Update", "Hi {{user.name | fallback: 'there'}}, your order #{{order.number}} is ready for pickup!"],
  ["Welcome Message", "Welcome to our support! I'm {{teammate.name}}. How can I help you today?"],
  [
    "Refund Process",
    "I understand you'd like a refund for order #{{conversation.custom_attributes.order_number}}. The refund will be processed within 3-5 business days."
  ],
  [
    "Product Inquiry Response",
    "Thank you for your interest in {{product.name | fallback: 'our products'}}. I'd be happy to provide more information!"
  ],
  [
    "Shipping Update Template",
    "Your order has been shipped via {{shipping.carrier | fallback: 'our shipping partner'}}. Tracking number: {{shipping.tracking_number}}"
  ],
  ["Password Reset", "Hi {{user.first_name | fallback: 'there'}}, you can reset your password from the login page."],
  [
    "Closing Note",
    "Thanks for reaching out, {{user.name | fallback: 'friend'}}! Let us know if there is anything else."
  ],
  ["Escalation", "I've passed this to our specialists; {{teammate.name}} will follow up within one business day."]
]

const WORKFLOWS: ReadonlyArray<readonly [string, string, string, WorkflowRecord["state"], ReadonlyArray<string>]> = [
  ["Route new conversations", "Assigns inbound conversations to the right team", "inbound_conversation", "live", [
    "chat"
  ]],
  ["Collect order number", "Asks for the order number before a teammate joins", "inbound_conversation", "live", [
    "chat",
    "email"
  ]],
  ["Outbound onboarding", "Welcomes new users on their first visit", "customer_visits_page", "draft", ["chat"]],
  ["Snooze follow-up", "Reopens snoozed conversations with a reminder", "conversation_snoozed", "paused", ["chat"]]
]

/**
 * The Preview's workspace data with no 2.14 endpoint: brands (the default one
 * is the workspace), sender email addresses, macros (most recently updated
 * first) and workflows (no PRNG draws).
 */
export const seedPreviewExtras = (store: Store): void => {
  const helpCenterIds = [...store.helpCenters.keys()]
  const brands = [
    { id: store.workspaceId, name: `${store.appName}`, is_default: true },
    { id: "3", name: "Premium Brand", is_default: false }
  ]
  const domains = ["fake-intercom.example", "premium.fake-intercom.example"]
  let emailId = 0
  brands.forEach((brand, b) => {
    const ids: Array<string> = []
    for (const local of b === 0 ? ["support", "hello"] : ["vip"]) {
      const id = String(++emailId)
      ids.push(id)
      const created = SEED_EPOCH - SPAN + (emailId * 40) * DAY
      store.emailSettings.set(id, {
        id,
        email: `${local}@${domains[b]}`,
        verified: local !== "hello",
        brand_id: brand.id,
        forwarding_enabled: local === "support",
        forwarded_email_last_received_at: local === "support" ? SEED_EPOCH - DAY : null,
        created_at: created,
        updated_at: created + 30 * DAY
      })
    }
    store.brands.set(brand.id, {
      ...brand,
      created_at: SEED_EPOCH - SPAN + b * 120 * DAY,
      updated_at: SEED_EPOCH - 10 * DAY + b * DAY,
      help_center_id: helpCenterIds[b] ?? null,
      default_address_settings_id: ids[0]
    })
  })

  const teamIds = [...store.teams.keys()]
  MACROS.forEach(([name, body_text], i) => {
    const id = String(120 + i)
    const updated = SEED_EPOCH - i * 3 * DAY
    store.macros.set(id, {
      seq: store.nextSeq(),
      id,
      name,
      body_text,
      created_at: updated - (i + 1) * 20 * DAY,
      updated_at: updated,
      visible_to_team_ids: i % 3 === 1 && teamIds.length > 0 ? teamIds.slice(0, 2) : null,
      available_on: i % 2 === 0 ? ["inbox", "messenger"] : ["inbox"]
    })
  })

  WORKFLOWS.forEach(([title, description, trigger_type, state, target_channels], i) => {
    const id = String(67_890 + i)
    const created = SEED_EPOCH - SPAN + (i + 1) * 60 * DAY
    store.workflows.set(id, {
      id,
      title,
      description,
      trigger_type,
      state,
      target_channels,
      created_at: created,
      updated_at: created + 90 * DAY,
      steps: [
        { type: "send_message", body: description },
        { type: state === "live" ? "assign_conversation" : "wait", body: title }
      ]
    })
  })
}
