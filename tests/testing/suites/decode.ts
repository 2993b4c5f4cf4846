/**
 * Every response the fake sends decodes with the client's own schemas.
 *
 * A tour calls every operation the fake serves through the real client (which
 * decodes each success body and fails the test with a `ResponseDecodeError`
 * otherwise), plus a few failing calls. Then each recorded body is decoded
 * again, directly: successes with their operation's `success` schema and the
 * client's tolerant options, failures with the `Error` schema, and the error
 * bodies must be Intercom's `error.list` with a `request_id`. Finally, every
 * operation in `FakeIntercom.operations` must have answered with a 2xx (a 3xx
 * for a redirect) at least once.
 */
import { Intercom } from "@effect-intercom/client"
import * as Schemas from "@effect-intercom/client/stable/Schemas"
import * as FakeIntercom from "@effect-intercom/testing/FakeIntercom"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Stream from "effect/Stream"
import { operations } from "../../../packages/client/src/generated/operations.js"
import { layer, raw } from "./_fake.js"

const byName = new Map(operations.map((op) => [op.name, op]))

const tour = Effect.gen(function*() {
  const intercom = yield* Intercom.Intercom
  const me = yield* intercom.admins.identify()
  const adminId = me.id!
  yield* intercom.admins.list()
  yield* intercom.admins.find({ admin_id: adminId })
  yield* intercom.admins.away({ admin_id: adminId, away_mode_enabled: false, away_mode_reassign: false })
  yield* intercom.admins.listAllActivityLogs({ created_at_after: "1600000000" })

  // contacts
  const contacts = yield* intercom.contacts.list({ per_page: 3 })
  const seeded = contacts.data![0]
  yield* intercom.contacts.listStream({ per_page: 150 }).pipe(Stream.runDrain)
  const contact = yield* intercom.contacts.create({ email: "tour@example.com", name: "Tour", external_id: "tour-1" })
  const contactId = contact.id!
  yield* intercom.contacts.find({ contact_id: contactId })
  yield* intercom.contacts.showContactByExternalId({ external_id: "tour-1" })
  yield* intercom.contacts.update({ contact_id: contactId, phone: "+15550000000" })
  yield* intercom.contacts.search({
    query: {
      operator: "AND",
      value: [
        {
          operator: "OR",
          value: [{ field: "role", operator: "=", value: "user" }, { field: "role", operator: "=", value: "lead" }]
        },
        { operator: "OR", value: [{ field: "email", operator: "~", value: "example" }] }
      ]
    },
    pagination: { per_page: 150 }
  })
  yield* intercom.contacts.archive({ contact_id: contactId })
  yield* intercom.contacts.unarchive({ contact_id: contactId })
  const companies = yield* intercom.companies.list({ per_page: 2 })
  const companyId = companies.data![0].id
  yield* intercom.companies.attachContact({ contact_id: contactId, id: companyId })
  yield* intercom.contacts.listAttachedCompanies({ contact_id: contactId })
  yield* intercom.companies.detachContact({ contact_id: contactId, company_id: companyId })
  yield* intercom.contacts.listAttachedSegments({ contact_id: seeded.id! })
  const subscription = (yield* intercom.subscriptionTypes.list()).data![0]
  yield* intercom.contacts.attachSubscription({ contact_id: contactId, id: subscription.id!, consent_type: "opt_out" })
  yield* intercom.contacts.listAttachedSubscriptions({ contact_id: contactId })
  yield* intercom.contacts.detachSubscription({ contact_id: contactId, subscription_id: subscription.id! })
  const tag = yield* intercom.tags.create({ name: "tour" })
  yield* intercom.tags.tagContact({ contact_id: contactId, id: tag.id })
  yield* intercom.contacts.listAttachedTags({ contact_id: contactId })
  yield* intercom.tags.untagContact({ contact_id: contactId, tag_id: tag.id })
  const note = yield* intercom.notes.create({ contact_id: contactId, body: "Tour note", admin_id: adminId })
  yield* intercom.notes.list({ contact_id: contactId })
  yield* intercom.notes.find({ note_id: note.id! })
  const lead = yield* intercom.contacts.create({ role: "lead", email: "lead@example.com" })
  yield* intercom.contacts.mergeLeadInUser({ from: lead.id!, into: contactId })

  // companies
  const company = yield* intercom.companies.createOrUpdate({ company_id: "tour-co", name: "Tour Co", size: 10 })
  yield* intercom.companies.find({ company_id: company.id })
  yield* intercom.companies.retrieve({ company_id: "tour-co" })
  yield* intercom.companies.retrieve({})
  yield* intercom.companies.update({ company_id: company.id, website: "https://tour.example" })
  yield* intercom.companies.listAttachedContacts({ company_id: company.id })
  yield* intercom.companies.listAttachedSegments({ company_id: company.id })
  yield* intercom.companies.scrollStream().pipe(Stream.runDrain)
  yield* intercom.companies.delete({ company_id: company.id })

  // conversations
  const message = yield* intercom.conversations.create({ from: { type: "user", id: contactId }, body: "Hello" })
  const conversationId = message.conversation_id!
  yield* intercom.conversations.list({ per_page: 20 })
  yield* intercom.conversations.find({ conversation_id: conversationId })
  yield* intercom.conversations.update({ conversation_id: conversationId, title: "Tour" })
  yield* intercom.conversations.reply({
    conversation_id: conversationId,
    message_type: "note",
    type: "admin",
    admin_id: adminId,
    body: "internal"
  })
  yield* intercom.conversations.manage({
    conversation_id: conversationId,
    message_type: "close",
    type: "admin",
    admin_id: adminId
  })
  yield* intercom.conversations.manage({
    conversation_id: conversationId,
    message_type: "assignment",
    type: "team",
    admin_id: adminId,
    assignee_id: (yield* intercom.teams.list()).teams![0].id!
  })
  yield* intercom.conversations.search({
    query: { operator: "AND", value: [{ field: "state", operator: "IN", value: ["open", "snoozed"] }] }
  })
  yield* intercom.conversations.attachContactAsAdmin({
    conversation_id: conversationId,
    admin_id: adminId,
    customer: { intercom_user_id: seeded.id! }
  })
  yield* intercom.conversations.detachContactAsAdmin({
    conversation_id: conversationId,
    contact_id: seeded.id!,
    admin_id: adminId
  })
  yield* intercom.tags.tagConversation({ conversation_id: conversationId, id: tag.id, admin_id: adminId })
  yield* intercom.tags.untagConversation({ conversation_id: conversationId, tag_id: tag.id, admin_id: adminId })
  yield* intercom.conversations.deleteConversation({ conversation_id: conversationId })

  // tags
  yield* intercom.tags.list()
  yield* intercom.tags.find({ tag_id: tag.id })

  // workspace
  const segments = yield* intercom.segments.list({})
  yield* intercom.segments.find({ segment_id: segments.segments![0].id! })
  yield* intercom.teams.find({ team_id: (yield* intercom.teams.list()).teams![0].id! })
  yield* intercom.dataAttributes.list({})
  const attribute = yield* intercom.dataAttributes.create({
    name: "tour_attribute",
    model: "company",
    data_type: "string"
  })
  yield* intercom.dataAttributes.update({ data_attribute_id: attribute.id!, archived: true })
  yield* intercom.events.create({ id: contactId, event_name: "toured", created_at: 1_700_000_000 })
  yield* intercom.events.list({ type: "user", intercom_user_id: contactId })
  yield* intercom.events.summaries({ user_id: "tour-1", event_summaries: { event_name: "toured", count: 1 } } as any)

  // help centre
  yield* intercom.helpCenters.list()
  const centre = (yield* intercom.helpCenters.list()).data![0]
  yield* intercom.helpCenters.find({ help_center_id: centre.id! })
  const collection = yield* intercom.helpCenters.collections.create({ name: "Tour" })
  yield* intercom.helpCenters.collections.list()
  yield* intercom.helpCenters.collections.find({ collection_id: collection.id })
  yield* intercom.helpCenters.collections.update({ collection_id: collection.id, description: "All about the tour" })
  const article = yield* intercom.articles.create({ title: "Tour", author_id: adminId, parent_id: collection.id })
  yield* intercom.articles.list()
  yield* intercom.articles.find({ article_id: article.id })
  yield* intercom.articles.update({ article_id: article.id, state: "published" })
  yield* intercom.articles.search({ phrase: "tour" })
  yield* intercom.articles.delete({ article_id: article.id })
  yield* intercom.helpCenters.collections.delete({ collection_id: collection.id })

  // tickets
  yield* intercom.ticketStates.listTicketStates()
  const ticketType = yield* intercom.ticketTypes.create({ name: "Tour" })
  yield* intercom.ticketTypes.list()
  yield* intercom.ticketTypes.get({ ticket_type_id: ticketType.id! })
  yield* intercom.ticketTypes.update({ ticket_type_id: ticketType.id!, description: "Tour tickets" })
  const ticketAttribute = yield* intercom.ticketTypes.attributes.create({
    ticket_type_id: ticketType.id!,
    name: "colour",
    description: "The colour",
    data_type: "string"
  })
  yield* intercom.ticketTypes.attributes.update({
    ticket_type_id: ticketType.id!,
    attribute_id: ticketAttribute.id!,
    description: "Colour"
  })
  const ticket = yield* intercom.tickets.create({
    ticket_type_id: ticketType.id!,
    contacts: [{ email: "new@example.com" }]
  })
  yield* intercom.tickets.get({ ticket_id: ticket.id! })
  yield* intercom.tickets.update({ ticket_id: ticket.id!, open: false })
  yield* intercom.tickets.reply({
    ticket_id: ticket.id!,
    message_type: "note",
    type: "admin",
    admin_id: adminId,
    body: "noted"
  })
  yield* intercom.tickets.search({ query: { field: "open", operator: "=", value: "false" } })
  yield* intercom.tags.tagTicket({ ticket_id: ticket.id!, id: tag.id, admin_id: adminId })
  yield* intercom.tags.untagTicket({ ticket_id: ticket.id!, tag_id: tag.id, admin_id: adminId })
  yield* intercom.tickets.deleteTicket({ ticket_id: ticket.id! })

  // AI content
  const source = yield* intercom.aiContent.createContentImportSource({
    sync_behavior: "api",
    url: "https://www.example.com"
  })
  yield* intercom.aiContent.listContentImportSources()
  yield* intercom.aiContent.getContentImportSource({ source_id: source.id })
  yield* intercom.aiContent.updateContentImportSource({
    source_id: source.id,
    sync_behavior: "api",
    url: "https://www.example.com/help",
    status: "active"
  })
  const externalPage = yield* intercom.aiContent.createExternalPage({
    title: "Test",
    html: "<html><body><h1>Test</h1></body></html>",
    url: "https://www.example.com/test",
    locale: "en",
    source_id: source.id,
    external_id: "abc1234"
  })
  yield* intercom.aiContent.listExternalPages()
  yield* intercom.aiContent.getExternalPage({ page_id: externalPage.id })
  yield* intercom.aiContent.updateExternalPage({
    page_id: externalPage.id,
    title: "Test, updated",
    html: "<html><body><h1>Test</h1><p>Updated</p></body></html>",
    url: "https://www.example.com/test",
    locale: "en",
    source_id: source.id
  })
  yield* intercom.aiContent.deleteExternalPage({ page_id: externalPage.id })
  yield* intercom.aiContent.deleteContentImportSource({ source_id: source.id })

  // internal articles
  const internal = yield* intercom.internalArticles.createInternalArticle({
    title: "Thanks for everything",
    body: "Body of the Article",
    author_id: adminId,
    owner_id: adminId
  })
  yield* intercom.internalArticles.listInternalArticles()
  yield* intercom.internalArticles.retrieveInternalArticle({ internal_article_id: internal.id! })
  yield* intercom.internalArticles.updateInternalArticle({
    internal_article_id: internal.id!,
    title: "Christmas is here!"
  })
  yield* intercom.internalArticles.searchInternalArticles({ folder_id: "500" })
  yield* intercom.internalArticles.deleteInternalArticle({ internal_article_id: internal.id! })

  // news
  const feedId = (yield* intercom.news.feeds.list()).data![0].id!
  yield* intercom.news.feeds.find({ newsfeed_id: feedId })
  const newsItem = yield* intercom.news.items.create({
    title: "Halloween is here!",
    body: "<p>New costumes in store for this spooky season</p>",
    sender_id: adminId,
    state: "live",
    labels: ["Product", "Update", "New"],
    newsfeed_assignments: [{ newsfeed_id: feedId }]
  })
  yield* intercom.news.items.list()
  yield* intercom.news.items.find({ news_item_id: newsItem.id! })
  yield* intercom.news.items.update({ news_item_id: newsItem.id!, title: "Christmas is here!", sender_id: adminId })
  yield* intercom.news.feeds.listItems({ newsfeed_id: feedId })
  yield* intercom.news.items.delete({ news_item_id: newsItem.id! })

  // exports and jobs
  yield* intercom.export.listAvailableDatasetsAndAttributes()
  const reporting = yield* intercom.export.enqueueANewReportingDataExportJob({
    dataset_id: "conversation",
    attribute_ids: ["conversation_id", "conversation_started_at"],
    start_time: 1_600_000_000,
    end_time: 1_800_000_000
  })
  const reportingStatus = { app_id: me.app!.id_code!, client_id: "tour", job_identifier: reporting.job_identifier! }
  yield* intercom.dataExport.exportReportingData(reportingStatus)
  yield* intercom.dataExport.exportReportingData(reportingStatus)
  yield* Stream.runDrain(
    yield* intercom.dataExport.downloadReportingDataExport({
      app_id: me.app!.id_code!,
      job_identifier: reporting.job_identifier!
    })
  )
  const canceled = yield* intercom.dataExport.create({
    created_at_after: 1_600_000_000,
    created_at_before: 1_800_000_000
  })
  yield* intercom.dataExport.cancel({ job_identifier: canceled.job_identifier! })
  const contentExport = yield* intercom.dataExport.create({
    created_at_after: 1_600_000_000,
    created_at_before: 1_800_000_000
  })
  yield* intercom.dataExport.find({ job_identifier: contentExport.job_identifier! })
  yield* intercom.dataExport.find({ job_identifier: contentExport.job_identifier! })
  yield* Stream.runDrain(yield* intercom.dataExport.download({ job_identifier: contentExport.job_identifier! }))
  const seededType = (yield* intercom.ticketTypes.list()).data![0]
  const ticketJob = yield* intercom.tickets.enqueueCreateTicket({
    ticket_type_id: seededType!.id!,
    contacts: [{ id: contactId }]
  })
  yield* intercom.jobs.status({ job_id: ticketJob.id })
  yield* intercom.jobs.status({ job_id: ticketJob.id })

  // custom objects and channels
  const order = yield* intercom.customObjectInstances.createCustomObjectInstances({
    custom_object_type_identifier: "Order",
    external_id: "tour-order",
    custom_attributes: { order_number: "TOUR-1" }
  })
  yield* intercom.customObjectInstances.getCustomObjectInstancesById({
    custom_object_type_identifier: "Order",
    custom_object_instance_id: order.id!
  })
  yield* intercom.customObjectInstances.getCustomObjectInstancesByExternalId({
    custom_object_type_identifier: "Order",
    external_id: "tour-order"
  })
  yield* intercom.customObjectInstances.deleteCustomObjectInstancesById({
    custom_object_type_identifier: "Order",
    external_id: "tour-order"
  })
  const order2 = yield* intercom.customObjectInstances.createCustomObjectInstances({
    custom_object_type_identifier: "Order",
    external_id: "tour-order-2"
  })
  yield* intercom.customObjectInstances.deleteCustomObjectInstancesByExternalId({
    custom_object_type_identifier: "Order",
    custom_object_instance_id: order2.id!
  })
  const channelContact = { type: "user" as const, external_id: "tour-channel-user", name: "Channel" }
  yield* intercom.customChannelEvents.notifyNewConversation({
    event_id: "tour-1",
    external_conversation_id: "tour-conv",
    contact: channelContact
  })
  yield* intercom.customChannelEvents.notifyNewMessage({
    event_id: "tour-2",
    external_conversation_id: "tour-conv",
    contact: channelContact,
    body: "Hello"
  })
  yield* intercom.customChannelEvents.notifyQuickReplySelected({
    event_id: "tour-3",
    external_conversation_id: "tour-conv",
    contact: channelContact,
    quick_reply_option_id: "1234"
  })
  yield* intercom.customChannelEvents.notifyAttributeCollected({
    event_id: "tour-4",
    external_conversation_id: "tour-conv",
    contact: channelContact,
    attribute: { id: "shipping_address", value: "1 Main St" }
  })

  // calls
  const calls = yield* intercom.calls.listCalls({ per_page: 25 })
  yield* intercom.calls.listCallsStream({ per_page: 25 }).pipe(Stream.runDrain)
  const call = calls.data!.find((c) => c.recording_url !== null)!
  yield* intercom.calls.showCall({ call_id: call.id! })
  yield* intercom.calls.showCallRecording({ call_id: call.id! })
  yield* intercom.calls.showCallTranscript({ call_id: call.id! })
  yield* intercom.calls.listCallsWithTranscripts({ conversation_ids: [call.conversation_id!] })

  // visitors
  const visitorUserId = "3ecf64d0-9ed1-4e9f-88e1-da7d6e6782f0"
  const visitor = yield* intercom.visitors.find({ user_id: visitorUserId })
  yield* intercom.visitors.update({ id: visitor.id!, name: "Tour visitor" })
  yield* intercom.visitors.mergeToContact({
    type: "lead",
    user: { email: "tour-visitor@example.com" },
    visitor: { user_id: visitorUserId }
  })

  // messages, conversation actions, workspace settings
  const sent = yield* intercom.messages.create({
    message_type: "conversation",
    body: "Tour message",
    from: { type: "admin", id: adminId },
    to: { type: "user", id: seeded.id! }
  })
  const sentConversation = yield* intercom.conversations.find({ conversation_id: sent.conversation_id! })
  yield* intercom.conversations.reply({
    conversation_id: sent.conversation_id!,
    message_type: "comment",
    type: "admin",
    admin_id: adminId,
    body: "Following up"
  })
  const withReply = yield* intercom.conversations.find({ conversation_id: sent.conversation_id! })
  yield* intercom.conversations.redactConversationPart({
    type: "conversation_part",
    conversation_id: sent.conversation_id!,
    conversation_part_id: withReply.conversation_parts!.conversation_parts!.at(-1)!.id!
  })
  yield* intercom.conversations.runAssignmentRules({ conversation_id: sentConversation.id! })
  yield* intercom.conversations.convertToTicket({
    conversation_id: sentConversation.id!,
    ticket_type_id: seededType!.id!
  })
  yield* intercom.phoneCallRedirects.create({ phone: "+353832345678", custom_attributes: { issue_type: "Billing" } })
  yield* intercom.awayStatusReasons.listAwayStatusReasons()
  yield* intercom.ipAllowlist.getIpAllowlist()
  yield* intercom.ipAllowlist.updateIpAllowlist({ enabled: true, ip_allowlist: ["192.168.1.0/24"] })

  // the last writes
  yield* intercom.tags.delete({ tag_id: tag.id })
  yield* intercom.contacts.blockContact({ contact_id: contactId })
  yield* intercom.contacts.delete({ contact_id: contactId })

  // and some failures
  yield* Effect.either(intercom.companies.find({ company_id: "missing" }))
  yield* Effect.either(intercom.contacts.find({ contact_id: "missing" }))
  yield* Effect.either(intercom.aiContent.getExternalPage({ page_id: externalPage.id }))
  yield* Effect.either(intercom.internalArticles.retrieveInternalArticle({ internal_article_id: internal.id! }))
  yield* Effect.either(intercom.news.items.find({ news_item_id: newsItem.id! }))
  yield* raw("GET", "/me", { token: null })
  yield* raw("POST", "/contacts", { body: "{" })
  yield* raw("POST", "/contacts/search", { body: { query: { operator: "AND", value: [] } } })
  yield* raw("GET", "/unknown")
})

describe("FakeIntercom responses", () => {
  it.effect("every response decodes with the client's schemas, and every route was exercised", () =>
    Effect.gen(function*() {
      yield* tour
      const fake = yield* FakeIntercom.FakeIntercom
      const exchanges = yield* fake.exchanges
      const decodeError = ParseResult.decodeUnknownEither(Schemas.Error, { onExcessProperty: "preserve" })
      const problems: Array<string> = []
      const answered = new Set<string>()
      let decodedBodies = 0
      for (const exchange of exchanges) {
        const where = `${exchange.method} ${exchange.path} (${exchange.status}, ${exchange.operation ?? "no route"})`
        // a redirect (`calls.showCallRecording`) succeeds with a 3xx and its Location
        const redirect = exchange.status >= 300 && exchange.status < 400 &&
          byName.get(exchange.operation ?? "")?.response === "redirect"
        if (exchange.status < 300 || redirect) {
          if (exchange.operation === undefined) {
            problems.push(`${where}: a success without an operation`)
            continue
          }
          answered.add(exchange.operation)
          const operation = byName.get(exchange.operation)
          if (operation === undefined) {
            problems.push(`${where}: the client has no operation of that name`)
            continue
          }
          if (exchange.body === undefined) {
            if (operation.response === "json") problems.push(`${where}: a JSON operation answered without a body`)
            continue
          }
          if (operation.success === undefined) {
            problems.push(`${where}: a body for an operation without a success schema`)
            continue
          }
          const decoded = ParseResult.decodeUnknownEither(operation.success, { onExcessProperty: "preserve" })(
            exchange.body
          )
          if (Either.isLeft(decoded)) {
            problems.push(`${where}: ${ParseResult.TreeFormatter.formatIssueSync(decoded.left)}`)
          }
          decodedBodies++
        } else {
          const body = exchange.body as any
          if (Either.isLeft(decodeError(body))) problems.push(`${where}: the error body does not decode`)
          if (body?.type !== "error.list" || typeof body.request_id !== "string" || !Array.isArray(body.errors)) {
            problems.push(`${where}: not an error.list with a request_id`)
          }
        }
      }
      assert.deepStrictEqual(problems, [])
      const missing = FakeIntercom.operations.filter((name) => !answered.has(name))
      assert.deepStrictEqual(missing, [], "operations the tour did not exercise")
      assert.isAbove(decodedBodies, FakeIntercom.operations.length)
      assert.isTrue(exchanges.some((e) => e.status >= 400))
    }).pipe(Effect.provide(layer({ recordBodies: true }))))

  it.effect("the fake serves only paths and methods of the client's own operations", () =>
    Effect.sync(() => {
      for (const name of FakeIntercom.operations) assert.isTrue(byName.has(name), name)
      assert.strictEqual(new Set(FakeIntercom.operations).size, FakeIntercom.operations.length)
      assert.isAtLeast(FakeIntercom.operations.length, 152)
    }))
})
