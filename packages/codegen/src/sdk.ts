/**
 * Call shapes of the official TypeScript SDK (`intercom-client` 7) that the
 * client accepts beside its own, so calls written for it work unchanged.
 */

/**
 * The methods whose JSON body the official SDK takes under a `body` key next
 * to the path parameters: `companies.update({ company_id, body: { name } })`.
 * Fern wraps a body that way when it is a union or a schema it names apart
 * from the request; the list is read from the SDK's request types, the ones
 * declaring `body: Intercom.<Type>` (`dist/cjs/api/resources/<resource>/client/requests/*.d.ts`
 * of intercom-client 7.0.3). Every other method takes its body's fields flat,
 * as here.
 */
export const BODY_WRAPPED: ReadonlySet<string> = new Set([
  "companies.update", // body?: Intercom.UpdateCompanyRequestBody
  "conversations.reply", // body: Intercom.ReplyConversationRequest
  "conversations.manage", // body: Intercom.ConversationsManageRequestBody
  "dataAttributes.update", // body: Intercom.UpdateDataAttributeRequestBody
  "news.items.update", // body: Intercom.NewsItemRequest
  "tickets.reply", // body: Intercom.TicketsReplyRequestBody
  "unstable.conversations.replyConversation", // body: Intercom.unstable.ReplyConversationRequestBody
  "unstable.conversations.manageConversation", // body: Intercom.unstable.ManageConversationRequestBody
  "unstable.dataAttributes.updateDataAttribute", // body?: unknown
  "unstable.news.updateNewsItem", // body: Intercom.unstable.NewsItemRequest
  "unstable.tickets.replyTicket" // body: Intercom.unstable.ReplyTicketRequestBody
])
