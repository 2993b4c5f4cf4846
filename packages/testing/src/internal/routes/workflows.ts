/**
 * Workflow export (Preview only: `GET /export/workflows/{id}`) over the seeded
 * workflows: the workflow's configuration with its targeting, steps
 * (`snapshot`), attributes and embedded rules; 404 for an unknown id.
 */
import type * as Schemas from "@effect-intercom/client/unstable/Schemas"
import * as Workflows from "@effect-intercom/client/unstable/Workflows"
import * as Http from "../http.js"

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString()

/** The Preview-only routes of workflows. */
export const previewRoutes: ReadonlyArray<Http.Route> = [
  Http.route(Workflows.exportWorkflowOperation, ({ input, now, store }) => {
    const record = store.workflows.get(String(input.id))
    if (record === undefined) return Http.notFound("Workflow not found")
    return Http.json<Schemas.WorkflowExport>({
      export_version: "1.0",
      exported_at: iso(now),
      app_id: store.appId,
      workflow: {
        id: record.id,
        title: record.title,
        description: record.description,
        trigger_type: record.trigger_type,
        state: record.state,
        target_channels: [...record.target_channels],
        preferred_devices: ["desktop", "mobile"],
        created_at: iso(record.created_at),
        updated_at: iso(record.updated_at),
        targeting: { type: "and", predicates: [{ attribute: "role", comparison: "eq", value: "user" }] },
        snapshot: {
          steps: record.steps.map((step, i) => ({ id: `${record.id}-${i + 1}`, type: step.type, body: step.body }))
        },
        attributes: [],
        embedded_rules: []
      }
    })
  })
]
