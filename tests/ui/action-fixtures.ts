// The workshop's "Get queue presences" action as the editor holds it, shared by the data-action
// view tests; each test names what it changes (the URL, the success template).
import type { ActionForm } from "../../ui/src/api";
import { blankForm } from "../../ui/src/views/actions/detail";

/** The translation path that reads each member's presence. */
export const PRESENCE_PATH = "$.entities[*].user.presence.presenceDefinition.systemPresence";

export function workshopForm(changes: Partial<ActionForm> = {}): ActionForm {
  return {
    ...blankForm("i-1", "Genesys Cloud Data Actions"),
    name: "Get queue presences",
    inputs: [{ name: "QueueID", fieldType: "string", required: true, itemType: null, children: [] }],
    outputs: [{ name: "Presences", fieldType: "array", required: false, itemType: "string", children: [] }],
    urlTemplate: "/api/v2/routing/queues/${input.QueueID}/members?expand=presence&pageSize=100",
    translation: [{ key: "Presence", path: PRESENCE_PATH, default: "null" }],
    successTemplate: '{"Presences" : $Presence}',
    version: 1,
    ...changes,
  };
}
