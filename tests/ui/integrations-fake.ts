// A typed fake of the integration and setup commands (ui/src/api.ts `api.integrations` and
// `api.setup`): the
// seam the vitest tests substitute; every method is a vi.fn the test can program and inspect.
import { vi } from "vitest";
import type { IntegrationsOverview } from "../../ui/src/generated/IntegrationsOverview";
import type { IntegrationView } from "../../ui/src/generated/IntegrationView";
import type { IntegrationsApi, SetupApi } from "../../ui/src/api";

type Fake<T> = { [K in keyof T]: T[K] & ReturnType<typeof vi.fn> };

export function fakeIntegrationsApi(over: Partial<IntegrationsApi & SetupApi> = {}): Fake<IntegrationsApi & SetupApi> {
  const never = (name: string) => vi.fn(() => Promise.reject(new Error(`fake: ${name} not programmed`)));
  const all = {
    integrationsOverview: never("integrationsOverview"),
    integrationInstall: never("integrationInstall"),
    integrationClientChoices: never("integrationClientChoices"),
    integrationConfigure: never("integrationConfigure"),
    integrationSetEnabled: never("integrationSetEnabled"),
    integrationDelete: never("integrationDelete"),
    setupForm: never("setupForm"),
    setupPlan: never("setupPlan"),
    setupStart: never("setupStart"),
    setupStatus: never("setupStatus"),
    setupResume: never("setupResume"),
    setupRollBack: never("setupRollBack"),
    setupDismiss: never("setupDismiss"),
    setupCancel: never("setupCancel"),
    setupSetAsideJournal: never("setupSetAsideJournal"),
  };
  for (const [k, v] of Object.entries(over)) (all as Record<string, unknown>)[k] = vi.fn(v as (...a: unknown[]) => unknown);
  return all as unknown as Fake<IntegrationsApi & SetupApi>;
}

export function integration(over: Partial<IntegrationView> = {}): IntegrationView {
  return { id: "int-1", name: "Genesys Cloud Data Actions", notes: null, intendedState: "DISABLED", reported: "INACTIVE", detail: null, credentialId: null, ...over };
}

export const CLIENT_ID = "7f8c2a4e-1b3d-4c5e-9f60-123456789abc";

/** One healthy chain, one integration without credential, one whose client was deleted. */
export function overview(): IntegrationsOverview {
  return {
    limit: 10,
    integrations: [
      integration({ id: "ok", name: "Healthy", intendedState: "ENABLED", reported: "ACTIVE", credentialId: "cred-ok" }),
      integration({ id: "bare", name: "No credential" }),
      integration({ id: "orphan", name: "Orphaned", intendedState: "ENABLED", reported: "ERROR", detail: "The OAuth client of the credential does not exist.", credentialId: "cred-orphan" }),
    ],
    credentials: [
      { id: "cred-ok", name: "Good credential", clientId: CLIENT_ID },
      { id: "cred-orphan", name: "Orphan credential", clientId: "00000000-0000-4000-8000-000000000000" },
    ],
    clients: [{ id: CLIENT_ID, name: "Data Actions client", grantType: "CLIENT-CREDENTIALS", state: "active", secretInKeychain: true }],
    actions: [{ id: "custom_-_1", name: "Get queue presences", category: "Healthy", integrationId: "ok", secure: false, draftVersion: 4, publishedVersion: 3 }],
  };
}
