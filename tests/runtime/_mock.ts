/**
 * A recording mock `HttpClient` and a few hand-written descriptors for the
 * runtime tests.
 */
import * as IntercomClient from "@effect-intercom/client/IntercomClient"
import type * as IntercomError from "@effect-intercom/client/IntercomError"
import * as Operation from "@effect-intercom/client/Operation"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as MockHttp from "../support/MockHttp.js"

export const TOKEN = "tok_SECRET_do_not_leak_123"
export const token = Redacted.make(TOKEN)

export type Recorded = MockHttp.RecordedRequest

/** A mock client that records every request and answers with `respond`, plus an `IntercomClient` layer on it. */
export const mock = (
  respond: (request: HttpClientRequest.HttpClientRequest, url: URL) => Response | Effect.Effect<Response> = () =>
    json({})
) => {
  const http = MockHttp.make((recorded) => respond(recorded.request, recorded.url))
  const layer = (options: Partial<IntercomClient.Options> = {}) =>
    IntercomClient.layer({ token, retry: false, ...options }).pipe(Layer.provide(http.layer))
  return { requests: http.requests, client: http.client, httpLayer: http.layer, layer }
}

export const json = (body: unknown, init: ResponseInit = {}): Response =>
  MockHttp.json(init.status ?? 200, body, init.headers as Record<string, string> | undefined)

export const errorList = (
  status: number,
  errors: ReadonlyArray<{ code: string; message: string; field?: string }>,
  headers: Record<string, string> = {}
): Response => json({ type: "error.list", request_id: "req-123", errors }, { status, headers })

// -----------------------------------------------------------------------------
// descriptors
// -----------------------------------------------------------------------------

export const Contact = Schema.Struct({
  type: Schema.optional(Schema.String),
  id: Schema.String,
  email: Schema.optional(Schema.NullOr(Schema.String))
})

export const ContactList = Schema.Struct({
  type: Schema.optional(Schema.String),
  data: Schema.optional(Schema.Array(Contact)),
  total_count: Schema.optional(Schema.Number)
})

export const FindContactInput = Schema.Struct({ contact_id: Schema.String })

export const findContact = Operation.make<
  typeof FindContactInput.Type,
  typeof Contact.Type,
  IntercomError.NotFoundError
>({
  name: "contacts.find",
  operationId: "ShowContact",
  api: "stable",
  method: "GET",
  path: "/contacts/{contact_id}",
  pathParams: ["contact_id"],
  queryParams: [],
  body: "none",
  input: FindContactInput,
  success: Contact,
  response: "json",
  errors: [401, 404],
  pagination: undefined,
  idempotent: true
})

export const ListContactsInput = Schema.Struct({
  per_page: Schema.optional(Schema.Number),
  starting_after: Schema.optional(Schema.String),
  archived: Schema.optional(Schema.Boolean)
})

export const listContacts = Operation.make<typeof ListContactsInput.Type, typeof ContactList.Type>({
  name: "contacts.list",
  operationId: "ListContacts",
  api: "stable",
  method: "GET",
  path: "/contacts",
  pathParams: [],
  queryParams: ["per_page", "starting_after", "archived"],
  body: "none",
  input: ListContactsInput,
  success: ContactList,
  response: "json",
  errors: [401],
  pagination: { kind: "cursor", items: "data" },
  idempotent: true
})

export const UpdateContactInput = Schema.Struct({
  contact_id: Schema.String,
  notify: Schema.optional(Schema.Boolean),
  email: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String),
  custom_attributes: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
})

export const updateContact = Operation.make<
  typeof UpdateContactInput.Type,
  typeof Contact.Type,
  | IntercomError.BadRequestError
  | IntercomError.NotFoundError
  | IntercomError.ConflictError
  | IntercomError.UnprocessableEntityError
>({
  name: "contacts.update",
  operationId: "UpdateContact",
  api: "stable",
  method: "PUT",
  path: "/contacts/{contact_id}",
  pathParams: ["contact_id"],
  queryParams: ["notify"],
  body: "fields",
  input: UpdateContactInput,
  success: Contact,
  response: "json",
  errors: [400, 401, 404, 409, 422],
  pagination: undefined,
  idempotent: true
})

export const ArchiveInput = Schema.Struct({ contact_id: Schema.String })

export const archiveContact = Operation.make<typeof ArchiveInput.Type, typeof Contact.Type>({
  name: "contacts.archive",
  operationId: "ArchiveContact",
  api: "stable",
  method: "POST",
  path: "/contacts/{contact_id}/archive",
  pathParams: ["contact_id"],
  queryParams: [],
  body: "fields",
  input: ArchiveInput,
  success: Contact,
  response: "json",
  errors: [401],
  pagination: undefined,
  idempotent: false
})

const IdentifyInput = Schema.Struct({})

export const identifyAdmin = Operation.make<typeof IdentifyInput.Type, { readonly type?: string }>({
  name: "admins.identify",
  operationId: "identifyAdmin",
  api: "stable",
  method: "GET",
  path: "/me",
  pathParams: [],
  queryParams: [],
  body: "none",
  input: IdentifyInput,
  success: Schema.Struct({ type: Schema.optional(Schema.String) }),
  response: "json",
  errors: [],
  pagination: undefined,
  idempotent: true
})

export const unstableListMacros = Operation.make<{ readonly per_page?: number | undefined }, typeof ContactList.Type>({
  name: "unstable.macros.listMacros",
  operationId: "listMacros",
  api: "unstable",
  method: "GET",
  path: "/macros",
  pathParams: [],
  queryParams: ["per_page"],
  body: "none",
  input: Schema.Struct({ per_page: Schema.optional(Schema.Number) }),
  success: ContactList,
  response: "json",
  errors: [401],
  pagination: undefined,
  idempotent: true
})

export const TagBodyInput = Schema.Struct({ id: Schema.String, body: Schema.Array(Schema.String) })

export const setTagValues = Operation.make<typeof TagBodyInput.Type, typeof ContactList.Type>({
  name: "unstable.tags.setValues",
  operationId: undefined,
  api: "unstable",
  method: "POST",
  path: "/tags/{id}/values",
  pathParams: ["id"],
  queryParams: [],
  body: "value",
  input: TagBodyInput,
  success: ContactList,
  response: "json",
  errors: [],
  pagination: undefined,
  idempotent: false
})

export const CallInput = Schema.Struct({ call_id: Schema.String })

export const callTranscript = Operation.make<typeof CallInput.Type, string, IntercomError.NotFoundError>({
  name: "calls.showCallTranscript",
  operationId: "showCallTranscript",
  api: "stable",
  method: "GET",
  path: "/calls/{call_id}/transcript",
  pathParams: ["call_id"],
  queryParams: [],
  body: "none",
  input: CallInput,
  success: undefined,
  response: "text",
  errors: [401, 404],
  pagination: undefined,
  idempotent: true
})

export const callRecording = Operation.make<typeof CallInput.Type, string, IntercomError.NotFoundError>({
  name: "calls.showCallRecording",
  operationId: "showCallRecording",
  api: "stable",
  method: "GET",
  path: "/calls/{call_id}/recording",
  pathParams: ["call_id"],
  queryParams: [],
  body: "none",
  input: CallInput,
  success: undefined,
  response: "redirect",
  errors: [401, 404],
  pagination: undefined,
  idempotent: true
})

export const DownloadInput = Schema.Struct({ job_identifier: Schema.String })

export const download = Operation.make<typeof DownloadInput.Type, Operation.ByteStream, IntercomError.NotFoundError>({
  name: "dataExport.download",
  operationId: "downloadDataExport",
  api: "stable",
  method: "GET",
  path: "/download/content/data/{job_identifier}",
  pathParams: ["job_identifier"],
  queryParams: [],
  body: "none",
  input: DownloadInput,
  success: undefined,
  response: "binary",
  errors: [404],
  pagination: undefined,
  idempotent: true
})

export const DeleteInput = Schema.Struct({ id: Schema.String })

export const deleteThing = Operation.make<typeof DeleteInput.Type, void>({
  name: "things.delete",
  operationId: "deleteThing",
  api: "stable",
  method: "DELETE",
  path: "/things/{id}",
  pathParams: ["id"],
  queryParams: [],
  body: "none",
  input: DeleteInput,
  success: undefined,
  response: "empty",
  errors: [401],
  pagination: undefined,
  idempotent: true
})
