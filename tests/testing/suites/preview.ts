/**
 * The Preview methods the fake answers (`intercom.unstable.*`, sent with
 * `Intercom-Version: Unstable`): all of them. Those with the HTTP method and
 * path shape of a 2.14 route are served by that route's handler; the others
 * are Preview-only routes, unknown to a request without the Preview header.
 *
 * A tour calls every one of them through the real client (which decodes each
 * success body with the Preview operation's own schema), then every recorded
 * body is decoded again with that schema, and every exchange must name the
 * Preview method. The pairing is recomputed here from the client's index of
 * descriptors, and every Preview method of the index must be served.
 */
import { Intercom } from "@effect-intercom/client"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Stream from "effect/Stream"
import { operations } from "../../../packages/client/src/generated/operations.js"
import * as App from "../../../packages/testing/src/internal/app.js"
import * as Preview from "../../../packages/testing/src/internal/preview.js"
import { isErrorList, layer, raw, TOKEN } from "./_fake.js"

const byName = new Map(operations.map((op) => [op.name, op]))
const shape = (op: { readonly method: string; readonly path: string }) =>
  `${op.method} ${op.path.replace(/\{[^}]+\}/g, "{}")}`

/** The pairing, recomputed from the client's descriptors and the stable operations the fake serves. */
const served = new Set(FakeIntercom.operations.map((name) => shape(byName.get(name)!)))
const unstable = operations.filter((op) => op.api === "unstable")
const paired = unstable.filter((op) => served.has(shape(op)))
/** The Preview methods without a 2.14 endpoint: the fake serves them as Preview-only routes. */
const previewOnly = unstable.filter((op) => !served.has(shape(op)))

/** The number of Preview methods the fake answers (README, "Testing your program"): every one. */
const PREVIEW_COUNT = 158
/** Of which without a 2.14 endpoint. */
const PREVIEW_ONLY_COUNT = 14

/** One request to the fake with `Intercom-Version: Unstable`, without the client (a string body is sent as is). */
const rawPreview = (method: string, path: string, body?: unknown) =>
  Effect.gen(function*() {
    const fake = yield* FakeIntercom.FakeIntercom
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: `Bearer ${TOKEN}`,
      "intercom-version": "Unstable"
    }
    if (body !== undefined) headers["content-type"] = "application/json"
    const response = yield* Effect.promise(() =>
      fake.handler(
        new Request(`http://fake.local${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) })
        })
      )
    )
    const text = yield* Effect.promise(() => response.text())
    return { status: response.status, json: text === "" ? undefined : JSON.parse(text) }
  })

const tour = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  const preview = intercom.unstable

  // admins
  const me = yield* preview.admins.identifyAdmin()
  const adminId = me.id!
  yield* preview.admins.listAdmins()
  yield* preview.admins.retrieveAdmin({ id: adminId })
  yield* preview.admins.setAwayAdmin({ id: adminId, away_mode_enabled: false, away_mode_reassign: false })
  yield* preview.admins.listActivityLogs({ created_at_after: "1600000000" })

  // contacts
  const contacts = yield* preview.contacts.listContacts()
  const seeded = contacts.data![0]
  const contact = yield* preview.contacts.createContact({
    email: "preview@example.com",
    name: "Preview",
    external_id: "preview-1"
  })
  const contactId = contact.id!
  yield* preview.contacts.showContact({ id: contactId })
  yield* preview.contacts.showContactByExternalId({ external_id: "preview-1" })
  yield* preview.contacts.updateContact({ id: contactId, phone: "+15550000001" })
  yield* preview.contacts.searchContacts({
    query: { operator: "AND", value: [{ field: "email", operator: "=", value: "preview@example.com" }] },
    pagination: { per_page: 20 }
  })
  yield* preview.contacts.archiveContact({ id: contactId })
  yield* preview.contacts.unarchiveContact({ id: contactId })
  const companies = yield* preview.companies.listAllCompanies({ per_page: 2 })
  const companyId = companies.data![0].id!
  yield* preview.companies.attachContactToACompany({ id: contactId, company_id: companyId })
  yield* preview.contacts.listCompaniesForAContact({ id: contactId })
  yield* preview.companies.detachContactFromACompany({ contact_id: contactId, id: companyId })
  yield* preview.contacts.listSegmentsForAContact({ contact_id: seeded.id! })
  const subscription = (yield* preview.subscriptionTypes.listSubscriptionTypes()).data![0]
  yield* preview.subscriptionTypes.attachSubscriptionTypeToContact({
    contact_id: contactId,
    id: subscription.id!,
    consent_type: "opt_in"
  })
  yield* preview.contacts.listSubscriptionsForAContact({ contact_id: contactId })
  yield* preview.subscriptionTypes.detachSubscriptionTypeToContact({ contact_id: contactId, id: subscription.id! })
  const tag = yield* preview.tags.createTag({ name: "preview" })
  yield* preview.tags.attachTagToContact({ contact_id: contactId, id: tag.id! })
  yield* preview.contacts.listTagsForAContact({ contact_id: contactId })
  yield* preview.tags.detachTagFromContact({ contact_id: contactId, id: tag.id! })
  const note = yield* preview.notes.createNote({ id: contactId, body: "Preview note", admin_id: adminId })
  yield* preview.notes.listNotes({ id: contactId })
  yield* preview.notes.retrieveNote({ id: note.id! })
  const lead = yield* preview.contacts.createContact({ role: "lead", email: "preview-lead@example.com" })
  yield* preview.contacts.mergeContact({ from: lead.id!, into: contactId })

  // companies
  const company = yield* preview.companies.createOrUpdateCompany({ company_id: "preview-co", name: "Preview Co" })
  yield* preview.companies.retrieveACompanyById({ id: company.id! })
  yield* preview.companies.retrieveCompany({ company_id: "preview-co" })
  yield* preview.companies.updateCompany({ id: company.id! })
  yield* preview.companies.listAttachedContacts({ id: companyId })
  yield* preview.companies.listAttachedSegmentsForCompanies({ id: company.id! })
  yield* preview.companies.scrollOverAllCompaniesStream().pipe(Stream.runDrain)
  yield* preview.companies.deleteCompany({ id: company.id! })

  // conversations
  const message = yield* preview.conversations.createConversation({
    from: { type: "user", id: contactId },
    body: "Hello from the Preview"
  })
  const conversationId = message.conversation_id!
  yield* preview.conversations.listConversations({ per_page: 20 })
  yield* preview.conversations.retrieveConversation({ id: conversationId })
  yield* preview.conversations.updateConversation({ id: conversationId, title: "Preview" })
  yield* preview.conversations.replyConversation({
    id: conversationId,
    message_type: "note",
    type: "admin",
    admin_id: adminId,
    body: "internal"
  })
  yield* preview.conversations.manageConversation({
    id: conversationId,
    message_type: "close",
    type: "admin",
    admin_id: adminId
  })
  yield* preview.conversations.searchConversations({
    query: { operator: "AND", value: [{ field: "state", operator: "IN", value: ["open", "closed"] }] }
  })
  yield* preview.conversations.attachContactToConversation({
    id: conversationId,
    admin_id: adminId,
    customer: { intercom_user_id: seeded.id! }
  })
  yield* preview.conversations.detachContactFromConversation({
    conversation_id: conversationId,
    contact_id: seeded.id!,
    admin_id: adminId
  })
  yield* preview.tags.attachTagToConversation({ conversation_id: conversationId, id: tag.id!, admin_id: adminId })
  yield* preview.tags.detachTagFromConversation({ conversation_id: conversationId, id: tag.id!, admin_id: adminId })
  yield* preview.conversations.deleteConversation({ id: conversationId })

  // tags
  yield* preview.tags.listTags()
  yield* preview.tags.findTag({ id: tag.id! })

  // workspace
  const segments = yield* preview.segments.listSegments({})
  yield* preview.segments.retrieveSegment({ id: segments.segments![0].id! })
  const teams = yield* preview.teams.listTeams()
  yield* preview.teams.retrieveTeam({ id: teams.teams![0].id! })
  yield* preview.dataAttributes.lisDataAttributes({})
  const attribute = yield* preview.dataAttributes.createDataAttribute({
    name: "preview_attribute",
    model: "contact",
    data_type: "string"
  })
  yield* preview.dataAttributes.updateDataAttribute({ id: attribute.id!, archived: true })
  yield* preview.dataEvents.createDataEvent({ id: contactId, event_name: "previewed", created_at: 1_700_000_000 })
  yield* preview.dataEvents.lisDataEvents({ type: "user", intercom_user_id: contactId })
  yield* preview.dataEvents.dataEventSummaries({
    user_id: "preview-1",
    event_summaries: { event_name: "previewed", count: 1 }
  })

  // help centre
  const centre = (yield* preview.helpCenter.listHelpCenters()).data![0]
  yield* preview.helpCenter.retrieveHelpCenter({ id: centre.id! })
  const collection = yield* preview.helpCenter.createCollection({ name: "Preview" })
  yield* preview.helpCenter.listAllCollections()
  yield* preview.helpCenter.retrieveCollection({ id: collection.id! })
  yield* preview.helpCenter.updateCollection({ id: collection.id!, description: "All about the Preview" })
  const article = yield* preview.articles.createArticle({
    title: "Preview",
    author_id: adminId,
    parent_id: collection.id!
  })
  yield* preview.articles.listArticles()
  yield* preview.articles.retrieveArticle({ id: article.id! })
  yield* preview.articles.searchArticles({ phrase: "preview" })
  yield* preview.articles.deleteArticle({ id: article.id! })
  yield* preview.helpCenter.deleteCollection({ id: collection.id! })

  // tickets
  yield* preview.ticketStates.listTicketStates()
  const ticketType = yield* preview.ticketTypes.createTicketType({ name: "Preview" })
  yield* preview.ticketTypes.listTicketTypes()
  yield* preview.ticketTypes.getTicketType({ id: ticketType.id! })
  const ticketAttribute = yield* preview.ticketTypeAttributes.createTicketTypeAttribute({
    ticket_type_id: ticketType.id!,
    name: "shade",
    description: "The shade",
    data_type: "string"
  })
  yield* preview.ticketTypeAttributes.updateTicketTypeAttribute({
    ticket_type_id: ticketType.id!,
    id: ticketAttribute.id!,
    description: "Shade"
  })
  const ticket = yield* intercom.tickets.create({
    ticket_type_id: ticketType.id!,
    contacts: [{ email: "preview-ticket@example.com" }]
  })
  yield* preview.tickets.getTicket({ id: ticket.id! })
  yield* preview.tickets.updateTicket({ id: ticket.id!, open: false })
  yield* preview.tickets.replyTicket({
    id: ticket.id!,
    message_type: "note",
    type: "admin",
    admin_id: adminId,
    body: "noted"
  })
  yield* preview.tickets.searchTickets({ query: { field: "open", operator: "=", value: "false" } })
  yield* preview.tags.attachTagToTicket({ ticket_id: ticket.id!, id: tag.id!, admin_id: adminId })
  yield* preview.tags.detachTagFromTicket({ ticket_id: ticket.id!, id: tag.id!, admin_id: adminId })
  yield* preview.tickets.deleteTicket({ id: ticket.id! })

  // AI content
  const source = yield* preview.aiContent.createContentImportSource({
    sync_behavior: "api",
    url: "https://preview.example.com"
  })
  yield* preview.aiContent.listContentImportSources()
  yield* preview.aiContent.getContentImportSource({ id: source.id })
  yield* preview.aiContent.updateContentImportSource({
    id: source.id,
    sync_behavior: "api",
    url: "https://preview.example.com/help"
  })
  const externalPage = yield* preview.aiContent.createExternalPage({
    title: "Preview",
    html: "<h1>Preview</h1>",
    locale: "en",
    source_id: source.id,
    external_id: "preview-1"
  })
  yield* preview.aiContent.listExternalPages()
  yield* preview.aiContent.getExternalPage({ id: externalPage.id })
  yield* preview.aiContent.updateExternalPage({
    id: externalPage.id,
    title: "Preview, updated",
    html: "<h1>Preview</h1>",
    url: "https://preview.example.com/page",
    locale: "en",
    source_id: source.id
  })
  yield* preview.aiContent.deleteExternalPage({ id: externalPage.id })
  yield* preview.aiContent.deleteContentImportSource({ id: source.id })

  // internal articles
  const internal = yield* preview.internalArticles.createInternalArticle({
    title: "Preview",
    author_id: adminId,
    owner_id: adminId
  })
  yield* preview.internalArticles.listInternalArticles()
  yield* preview.internalArticles.retrieveInternalArticle({ id: internal.id! })
  yield* preview.internalArticles.updateInternalArticle({ id: internal.id!, body: "<p>Updated</p>" })
  yield* preview.internalArticles.searchInternalArticles({ folder_id: "501" })
  yield* preview.internalArticles.deleteInternalArticle({ id: internal.id! })

  // news
  const feedId = (yield* preview.news.listNewsfeeds()).data![0].id!
  yield* preview.news.retrieveNewsfeed({ id: feedId })
  const newsItem = yield* preview.news.createNewsItem({
    title: "Preview news",
    sender_id: adminId,
    state: "live",
    newsfeed_assignments: [{ newsfeed_id: feedId }]
  })
  yield* preview.news.listNewsItems()
  yield* preview.news.retrieveNewsItem({ id: newsItem.id! })
  yield* preview.news.updateNewsItem({ id: newsItem.id!, title: "Preview news, updated", sender_id: adminId })
  yield* preview.news.listLiveNewsfeedItems({ id: feedId })
  yield* preview.news.deleteNewsItem({ id: newsItem.id! })

  // exports and jobs
  yield* preview.export.listAvailableDatasetsAndAttributes()
  yield* preview.export.enqueueANewReportingDataExportJob({
    dataset_id: "ticket",
    attribute_ids: ["ticket_id"],
    start_time: 1_600_000_000,
    end_time: 1_800_000_000
  })
  const canceled = yield* preview.dataExport.createDataExport({
    created_at_after: 1_600_000_000,
    created_at_before: 1_800_000_000
  })
  yield* preview.dataExport.cancelDataExport({ job_identifier: canceled.job_identfier! })
  const contentExport = yield* preview.dataExport.createDataExport({
    created_at_after: 1_600_000_000,
    created_at_before: 1_800_000_000
  })
  yield* preview.dataExport.getDataExport({ job_identifier: contentExport.job_identfier! })
  yield* preview.dataExport.getDataExport({ job_identifier: contentExport.job_identfier! })
  yield* Stream.runDrain(yield* preview.dataExport.downloadDataExport({ job_identifier: contentExport.job_identfier! }))
  const job = yield* preview.tickets.enqueueCreateTicket({
    ticket_type_id: ticketType.id!,
    contacts: [{ id: contactId }]
  })
  yield* preview.jobs.status({ id: job.id })
  yield* preview.jobs.status({ id: job.id })

  // custom objects and channels
  const order = yield* preview.customObjectInstances.createCustomObjectInstances({
    custom_object_type_identifier: "Order",
    external_id: "preview-order"
  })
  yield* preview.customObjectInstances.getCustomObjectInstancesById({
    custom_object_type_identifier: "Order",
    id: order.id!
  })
  yield* preview.customObjectInstances.getCustomObjectInstancesByExternalId({
    custom_object_type_identifier: "Order",
    external_id: "preview-order"
  })
  yield* preview.customObjectInstances.deleteCustomObjectInstancesById({
    custom_object_type_identifier: "Order",
    external_id: "preview-order"
  })
  yield* preview.customObjectInstances.deleteCustomObjectInstancesByExternalId({
    custom_object_type_identifier: "Order",
    id: "20"
  })
  const channelContact = { type: "lead" as const, external_id: "preview-channel-lead" }
  yield* preview.customChannelEvents.notifyNewConversation({
    event_id: "preview-1",
    external_conversation_id: "preview-conv",
    contact: channelContact
  })
  yield* preview.customChannelEvents.notifyNewMessage({
    event_id: "preview-2",
    external_conversation_id: "preview-conv",
    contact: channelContact,
    body: "Hi"
  })
  yield* preview.customChannelEvents.notifyQuickReplySelected({
    event_id: "preview-3",
    external_conversation_id: "preview-conv",
    contact: channelContact,
    quick_reply_option_id: "1"
  })
  yield* preview.customChannelEvents.notifyAttributeCollected({
    event_id: "preview-4",
    external_conversation_id: "preview-conv",
    contact: channelContact,
    attribute: { id: "plan", value: "pro" }
  })

  // calls
  const calls = yield* preview.calls.listCalls({ per_page: 25 })
  const call = calls.data!.find((c) => c.recording_url !== null)!
  yield* preview.calls.showCall({ id: call.id! })
  yield* preview.calls.showCallRecording({ id: call.id! })
  yield* preview.calls.showCallTranscript({ id: call.id! })
  yield* preview.calls.listCallsWithTranscripts({ conversation_ids: [call.conversation_id!] })

  // visitors
  const visitor = yield* preview.visitors.retrieveVisitorWithUserId({ user_id: "3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f1" })
  yield* preview.visitors.updateVisitor({ user_id: visitor.user_id!, name: "Preview visitor" })
  yield* preview.visitors.convertVisitor({ type: "user", user: { id: contactId }, visitor: { id: visitor.id! } })

  // messages, conversation actions, workspace settings
  const sent = yield* preview.messages.createMessage({
    message_type: "in_app",
    body: "Preview message",
    from: { type: "admin", id: adminId },
    to: { type: "user", id: contactId },
    create_conversation_without_contact_reply: true
  })
  const replied = yield* preview.conversations.replyConversation({
    id: sent.conversation_id!,
    message_type: "comment",
    type: "admin",
    admin_id: adminId,
    body: "Following up"
  })
  yield* preview.conversations.redactConversation({
    type: "conversation_part",
    conversation_id: sent.conversation_id!,
    conversation_part_id: replied.conversation_parts!.conversation_parts!.at(-1)!.id!
  })
  yield* preview.conversations.convertConversationToTicket({
    id: sent.conversation_id!,
    ticket_type_id: ticketType.id!
  })
  yield* preview.switch.createPhoneSwitch({ phone: "+353832345679" })
  yield* preview.awayStatusReasons.listAwayStatusReasons()

  // Preview only: company notes, handling events, WhatsApp status, Fin Voice, brands, emails, macros, workflows
  yield* preview.notes.listCompanyNotes({ id: companyId })
  const handled = yield* preview.conversations.createConversation({ from: { type: "user", id: contactId }, body: "Hi" })
  yield* preview.conversations.manageConversation({
    id: handled.conversation_id!,
    message_type: "close",
    type: "admin",
    admin_id: adminId
  })
  yield* preview.conversations.listHandlingEvents({ id: handled.conversation_id! })
  const whatsapp = yield* preview.messages.createMessage({
    message_type: "whatsapp",
    body: "Your appointment is tomorrow",
    template: "appointment_reminder",
    from: { type: "admin", id: adminId },
    to: { type: "user", id: contactId }
  })
  yield* preview.messages.getWhatsAppMessageStatus({ ruleset_id: String(whatsapp.id) })
  const finVoice = yield* preview.calls.registerFinVoiceCall({ phone_number: "+15550009999", call_id: "preview-call" })
  yield* preview.calls.collectFinVoiceCallById({ id: finVoice.id! })
  yield* preview.calls.collectFinVoiceCallByExternalId({ external_id: "preview-call" })
  yield* preview.calls.collectFinVoiceCallByPhoneNumber({ phone_number: "+15550009999" })
  const brands = yield* preview.brands.listBrands()
  yield* preview.brands.retrieveBrand({ id: brands.data![0].id! })
  const emails = yield* preview.emails.listEmails()
  yield* preview.emails.retrieveEmail({ id: emails.data![0].id! })
  const macros = yield* preview.macros.listMacros({ per_page: 2 })
  yield* preview.macros.getMacro({ id: macros.data![0]!.id! })
  yield* preview.workflows.exportWorkflow({ id: "67890" })

  // the last writes
  yield* preview.tags.deleteTag({ id: tag.id! })
  yield* preview.contacts.blockContact({ id: contactId })
  yield* preview.contacts.deleteContact({ id: contactId })
})

describe("FakeIntercom Preview methods", () => {
  it.effect("the fake answers every Preview method of the client, paired with its 2.14 route where there is one", () =>
    Effect.sync(() => {
      // the fake reads the Preview operations from the client's modules: all of them
      assert.deepStrictEqual(
        Preview.operations.map((op) => op.name).sort(),
        unstable.map((op) => op.name).sort()
      )
      // every one is served (a Preview method without a route fails here), once
      const unserved = unstable.map((op) => op.name).filter((name) => !FakeIntercom.previewOperations.includes(name))
      assert.deepStrictEqual(unserved, [], "Preview methods the fake does not serve")
      assert.strictEqual(new Set(FakeIntercom.previewOperations).size, FakeIntercom.previewOperations.length)
      assert.strictEqual(FakeIntercom.previewOperations.length, PREVIEW_COUNT)
      assert.strictEqual(unstable.length, PREVIEW_COUNT)
      for (const name of FakeIntercom.previewOperations) assert.strictEqual(byName.get(name)?.api, "unstable", name)
      // the ones with a 2.14 twin are served by its route; the others by a route of their own
      const routeOf = new Map(App.previewRoutes.map((preview) => [preview.operation.name, preview.route.operation]))
      for (const op of paired) {
        const route = routeOf.get(op.name)!
        assert.strictEqual(route.api, "stable", op.name)
        assert.strictEqual(shape(route), shape(op), op.name)
      }
      for (const op of previewOnly) assert.strictEqual(routeOf.get(op.name), op, op.name)
      assert.strictEqual(previewOnly.length, PREVIEW_ONLY_COUNT)
      assert.isFalse(FakeIntercom.operations.some((name) => name.startsWith("unstable.")))
    }))

  it.effect("a tour of every served Preview method: each succeeds, decodes, and is logged under its name", () =>
    Effect.gen(function*() {
      yield* tour
      const fake = yield* FakeIntercom.FakeIntercom
      const exchanges = yield* fake.exchanges
      const problems: Array<string> = []
      const answered = new Set<string>()
      for (const exchange of exchanges) {
        const where = `${exchange.method} ${exchange.path} (${exchange.status}, ${exchange.operation ?? "no route"})`
        // a redirect (`unstable.calls.showCallRecording`) succeeds with a 3xx
        const redirect = exchange.status < 400 && byName.get(exchange.operation ?? "")?.response === "redirect"
        if (exchange.status >= 300 && !redirect) {
          problems.push(`${where}: ${JSON.stringify(exchange.body)}`)
          continue
        }
        const operation = exchange.operation === undefined ? undefined : byName.get(exchange.operation)
        if (operation === undefined) {
          problems.push(`${where}: no operation`)
          continue
        }
        if (operation.api !== "unstable") {
          // the one stable call of the tour (the Preview cannot create tickets)
          if (operation.name !== "tickets.create") problems.push(`${where}: logged as a stable operation`)
          continue
        }
        answered.add(operation.name)
        if (exchange.body === undefined) {
          if (operation.response === "json") problems.push(`${where}: a JSON operation answered without a body`)
          continue
        }
        const decoded = ParseResult.decodeUnknownEither(operation.success!, { onExcessProperty: "preserve" })(
          exchange.body
        )
        if (Either.isLeft(decoded)) {
          problems.push(`${where}: ${ParseResult.TreeFormatter.formatIssueSync(decoded.left)}`)
        }
      }
      assert.deepStrictEqual(problems, [])
      const missing = FakeIntercom.previewOperations.filter((name) => !answered.has(name))
      assert.deepStrictEqual(missing, [], "Preview methods the tour did not exercise")
    }).pipe(Effect.provide(layer({ recordBodies: true }))))

  it.effect("every seeded record reads through the Preview and decodes with the Preview schemas", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      const preview = intercom.unstable
      const each = <A>(items: ReadonlyArray<A>, f: (item: A) => Effect.Effect<unknown, unknown>) =>
        Effect.forEach(items, f, { discard: true })
      yield* each(
        yield* fake.records("conversations"),
        (c) => preview.conversations.retrieveConversation({ id: c.id! })
      )
      yield* each(yield* fake.records("tickets"), (t) => preview.tickets.getTicket({ id: t.id! }))
      yield* each(yield* fake.records("articles"), (a) => preview.articles.retrieveArticle({ id: a.id }))
      yield* each(yield* fake.records("collections"), (c) => preview.helpCenter.retrieveCollection({ id: c.id }))
      yield* each(yield* fake.records("helpCenters"), (h) => preview.helpCenter.retrieveHelpCenter({ id: h.id! }))
      yield* each(yield* fake.records("companies"), (c) => preview.companies.retrieveACompanyById({ id: c.id }))
      yield* each(yield* fake.records("admins"), (a) => preview.admins.retrieveAdmin({ id: a.id! }))
      yield* each(yield* fake.records("teams"), (t) => preview.teams.retrieveTeam({ id: t.id! }))
      yield* each(yield* fake.records("segments"), (s) => preview.segments.retrieveSegment({ id: s.id! }))
      yield* each(yield* fake.records("tags"), (t) => preview.tags.findTag({ id: t.id! }))
      yield* each(yield* fake.records("notes"), (n) => preview.notes.retrieveNote({ id: n.id! }))
      yield* each(yield* fake.records("ticketTypes"), (t) => preview.ticketTypes.getTicketType({ id: t.id! }))
      yield* each(
        yield* fake.records("contentImportSources"),
        (s) => preview.aiContent.getContentImportSource({ id: s.id })
      )
      yield* each(yield* fake.records("externalPages"), (p) => preview.aiContent.getExternalPage({ id: p.id }))
      yield* each(
        yield* fake.records("internalArticles"),
        (a) => preview.internalArticles.retrieveInternalArticle({ id: a.id! })
      )
      yield* each(yield* fake.records("newsItems"), (n) => preview.news.retrieveNewsItem({ id: n.id! }))
      yield* each(yield* fake.records("newsfeeds"), (f) =>
        Effect.all([
          preview.news.retrieveNewsfeed({ id: f.id! }),
          preview.news.listLiveNewsfeedItemsStream({ id: f.id! }).pipe(Stream.runDrain)
        ]))
      yield* each(
        (yield* fake.records("contacts")).slice(0, 50),
        (c) =>
          Effect.all([
            preview.contacts.showContact({ id: c.id! }),
            preview.contacts.listCompaniesForAContact({ id: c.id! }),
            preview.contacts.listTagsForAContact({ contact_id: c.id! }),
            preview.contacts.listSegmentsForAContact({ contact_id: c.id! }),
            preview.contacts.listSubscriptionsForAContact({ contact_id: c.id! }),
            preview.notes.listNotes({ id: c.id! })
          ])
      )
      yield* preview.companies.retrieveCompanyStream({ per_page: 15 }).pipe(Stream.runDrain)
      yield* preview.conversations.listConversationsStream({ per_page: 20 }).pipe(Stream.runDrain)
      yield* preview.tickets.searchTicketsStream({ query: { field: "open", operator: "=", value: "true" } }).pipe(
        Stream.runDrain
      )
      yield* preview.conversations.searchConversationsStream({
        query: { field: "state", operator: "IN", value: ["open", "closed", "snoozed"] }
      }).pipe(Stream.runDrain)
      const failures = (yield* fake.exchanges).filter((e) => e.status >= 300)
      assert.deepStrictEqual(failures, [])
    }).pipe(Effect.provide(layer())))

  it.effect("a contact created through the stable API is found through the Preview, and the log names each method", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      const created = yield* intercom.contacts.create({ email: "both@example.com", name: "Both" })
      const found = yield* intercom.unstable.contacts.showContact({ id: created.id! })
      assert.strictEqual(found.id, created.id)
      assert.strictEqual(found.email, "both@example.com")
      // and the other way round, with the Preview's own fields
      const preview = yield* intercom.unstable.contacts.createContact({
        email: "preview-only@example.com",
        language_override: "fr"
      })
      const stable = yield* intercom.contacts.find({ contact_id: preview.id! })
      assert.strictEqual(stable.email, "preview-only@example.com")
      assert.strictEqual(stable.language_override, "fr")
      const exchanges = (yield* fake.exchanges).slice(-4)
      assert.deepStrictEqual(exchanges.map((e) => [e.method, e.path, e.operation]), [
        ["POST", "/contacts", "contacts.create"],
        ["GET", `/contacts/${created.id}`, "unstable.contacts.showContact"],
        ["POST", "/contacts", "unstable.contacts.createContact"],
        ["GET", `/contacts/${preview.id}`, "contacts.find"]
      ])
      // unknown ids: the route's own 404, typed
      const missing = yield* Effect.flip(intercom.unstable.contacts.showContact({ id: "missing" }))
      assert.strictEqual(missing._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))

  it.effect("Preview listings page through the fake's data to the end, in the Preview's pagination scheme", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      const ids = <A extends { readonly id?: unknown }>(stream: Stream.Stream<A, any>) =>
        Effect.map(Stream.runCollect(stream), (chunk) => Chunk.toReadonlyArray(chunk).map((item) => String(item.id)))

      // cursor in both APIs: 200 contacts, 50 a page
      const contacts = yield* ids(intercom.unstable.contacts.listContactsStream())
      assert.strictEqual(contacts.length, 200)
      assert.deepStrictEqual(contacts, yield* ids(intercom.contacts.listStream()))

      // cursor in the Preview, page numbers in 2.14: 60 articles, 25 a page, then 45 collections, 20 a page
      yield* fake.clearExchanges
      const articles = yield* ids(intercom.unstable.articles.listArticlesStream())
      assert.strictEqual(articles.length, 60)
      assert.deepStrictEqual(articles, yield* ids(intercom.articles.listStream()))
      const requests = (yield* fake.exchanges).filter((e) => e.operation === "unstable.articles.listArticles")
      assert.strictEqual(requests.length, 3)
      assert.isTrue(requests.slice(1).every((e) => e.path.startsWith("/articles?starting_after=")))
      const collections = yield* ids(intercom.unstable.helpCenter.listAllCollectionsStream())
      assert.strictEqual(collections.length, 45)
      assert.deepStrictEqual(collections, yield* ids(intercom.helpCenters.collections.listStream()))

      // a contact's notes: cursor in the Preview, page numbers in 2.14 (50 a page)
      const contact = yield* intercom.contacts.create({ email: "many-notes@example.com" })
      for (let i = 0; i < 55; i++) yield* intercom.notes.create({ contact_id: contact.id!, body: `note ${i}` })
      const notes = yield* ids(intercom.unstable.notes.listNotesStream({ id: contact.id! }))
      assert.strictEqual(notes.length, 55)
      assert.deepStrictEqual(notes, yield* ids(intercom.notes.listStream({ contact_id: contact.id! })))

      // page numbers in both: 40 companies, 15 a page
      const companies = yield* ids(intercom.unstable.companies.listAllCompaniesStream({ per_page: 15 }))
      assert.strictEqual(companies.length, 40)
      assert.deepStrictEqual(companies, yield* ids(intercom.companies.listStream({ per_page: 15 })))

      // search bodies: the leads
      const query = { operator: "AND" as const, value: [{ field: "role", operator: "=" as const, value: "lead" }] }
      const leads = yield* ids(intercom.unstable.contacts.searchContactsStream({ query, pagination: { per_page: 10 } }))
      assert.deepStrictEqual(leads, yield* ids(intercom.contacts.searchStream({ query, pagination: { per_page: 10 } })))
      assert.isAbove(leads.length, 10)

      // a cursor the fake did not issue
      const bogus = yield* rawPreview("GET", "/articles?starting_after=bogus")
      assert.strictEqual(bogus.status, 400)
      assert.isTrue(isErrorList(bogus.json, "parameter_invalid"))
    }).pipe(Effect.provide(layer({ seed: { ...FakeIntercom.smallSeed, articles: 60, collections: 45 } }))))

  it.effect("Preview input is validated with the Preview schema: 422 in Intercom's shape, logged under the Preview name", () =>
    Effect.gen(function*() {
      const fake = yield* FakeIntercom.FakeIntercom
      const intercom = yield* Intercom.Intercom
      const contact = (yield* intercom.contacts.list({ per_page: 1 })).data![0]
      const company = (yield* intercom.companies.list({ per_page: 1 })).data![0]

      const wrongType = yield* rawPreview("PUT", `/contacts/${contact.id}`, { name: 42 })
      assert.strictEqual(wrongType.status, 422)
      assert.isTrue(isErrorList(wrongType.json, "parameter_invalid"))
      assert.strictEqual(wrongType.json.errors[0].field, "name")

      // the Preview names the company `company_id` in this body, 2.14 names it `id`
      const stableBody = yield* rawPreview("POST", `/contacts/${contact.id}/companies`, { id: company.id })
      assert.strictEqual(stableBody.status, 422)
      assert.isTrue(isErrorList(stableBody.json, "parameter_not_found"))
      assert.strictEqual(stableBody.json.errors[0].field, "company_id")
      const previewBody = yield* rawPreview("POST", `/contacts/${contact.id}/companies`, { company_id: company.id })
      assert.strictEqual(previewBody.status, 200)
      assert.strictEqual(previewBody.json.id, company.id)
      const stable = yield* raw("POST", `/contacts/${contact.id}/companies`, { body: { company_id: company.id } })
      assert.strictEqual(stable.status, 422)
      assert.strictEqual(stable.json.errors[0].field, "id")

      const notJson = yield* rawPreview("POST", "/contacts", "{not json")
      assert.strictEqual(notJson.status, 400)
      assert.isTrue(isErrorList(notJson.json, "bad_request"))

      const logged = (yield* fake.exchanges).slice(-5).map((e) => [e.status, e.operation])
      assert.deepStrictEqual(logged, [
        [422, "unstable.contacts.updateContact"],
        [422, "unstable.companies.attachContactToACompany"],
        [200, "unstable.companies.attachContactToACompany"],
        [422, "companies.attachContact"],
        [400, "unstable.contacts.createContact"]
      ])

      // through the client, the Preview's typed error
      const error = yield* Effect.flip(
        intercom.unstable.tags.attachTagToContact({ contact_id: contact.id!, id: "no-such-tag" })
      )
      assert.strictEqual(error._tag, "NotFoundError")
    }).pipe(Effect.provide(layer())))

  it.effect("the Preview-only methods are unknown 2.14 routes: 404 without Intercom-Version: Unstable", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const brand = yield* intercom.unstable.brands.retrieveBrand({ id: "3" })
      assert.strictEqual(brand.name, "Premium Brand")
      // every one of them, with made-up path parameters: answered with the header, a 404 without
      const problems: Array<string> = []
      for (const op of previewOnly) {
        const path = op.path.replace(/\{[^}]+\}/g, "x1")
        const body = op.body === "none" ? undefined : { phone_number: "+15550001111", call_id: "x1" }
        const preview = yield* rawPreview(op.method, path, body)
        if (preview.json?.errors?.[0]?.message?.includes("no route")) problems.push(`${op.name}: ${preview.status}`)
        const stable = yield* raw(op.method, path, body === undefined ? {} : { body })
        if (stable.status !== 404 || !isErrorList(stable.json, "not_found")) {
          problems.push(`${op.name} without the header: ${stable.status}`)
        } else if (
          stable.json.errors[0].message !==
            `Resource Not Found: the fake Intercom has no route for ${op.method} ${path}`
        ) {
          problems.push(`${op.name} without the header: ${stable.json.errors[0].message}`)
        }
      }
      assert.deepStrictEqual(problems, [])
      // a stable route without a Preview twin is not served in the Preview
      const article = (yield* intercom.articles.list()).data![0]
      const update = yield* rawPreview("PUT", `/articles/${article.id}`, { title: "x" })
      assert.strictEqual(update.status, 404)
      assert.include(update.json.errors[0].message, `no route for PUT /articles/${article.id} in the Preview API`)
      // nor a path no API has
      const nowhere = yield* rawPreview("GET", "/no/such/route")
      assert.strictEqual(nowhere.status, 404)
      assert.include(nowhere.json.errors[0].message, "no route for GET /no/such/route in the Preview API")
      const fake = yield* FakeIntercom.FakeIntercom
      const exchanges = yield* fake.exchanges
      // a 404 for want of a route names no operation
      const noRoute = exchanges.filter((e) => e.status === 404 && JSON.stringify(e.body).includes("no route"))
      assert.strictEqual(noRoute.length, PREVIEW_ONLY_COUNT + 2)
      assert.isTrue(noRoute.every((e) => e.operation === undefined))
    }).pipe(Effect.provide(layer({ recordBodies: true }))))

  it.effect("faults and failNext apply to Preview calls as to any request", () =>
    Effect.gen(function*() {
      const intercom = yield* Intercom.Intercom
      const fake = yield* FakeIntercom.FakeIntercom
      yield* fake.failNext(1, 503)
      const error = yield* Effect.flip(intercom.unstable.admins.identifyAdmin())
      assert.strictEqual(error._tag, "ServerError")
      yield* fake.failNext(1, "drop")
      const dropped = yield* Effect.flip(intercom.unstable.teams.listTeams())
      assert.strictEqual(dropped._tag, "RequestError")
      const me = yield* intercom.unstable.admins.identifyAdmin()
      assert.isString(me.id)
      const exchanges = (yield* fake.exchanges).slice(-3)
      assert.deepStrictEqual(exchanges.map((e) => [e.status, e.operation]), [
        [503, undefined],
        [502, undefined],
        [200, "unstable.admins.identifyAdmin"]
      ])
    }).pipe(Effect.provide(layer())))
})
