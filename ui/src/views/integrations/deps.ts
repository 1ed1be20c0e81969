// What the integration screens and the guided setup need from the backend (implemented by
// ui/src/api.ts; tests pass a typed fake of exactly this).
import type { Activation } from "../../generated/Activation";
import type { ClientChoices } from "../../generated/ClientChoices";
import type { Configured } from "../../generated/Configured";
import type { CredentialChoice } from "../../generated/CredentialChoice";
import type { IntegrationView } from "../../generated/IntegrationView";
import type { IntegrationsOverview } from "../../generated/IntegrationsOverview";
import type { Removal } from "../../generated/Removal";
import type { SetupForm } from "../../generated/SetupForm";
import type { SetupPlan } from "../../generated/SetupPlan";
import type { SetupRequestInput } from "../../generated/SetupRequestInput";
import type { SetupRunView } from "../../generated/SetupRunView";

export interface IntegrationsApi {
  integrationsOverview(): Promise<IntegrationsOverview>;
  integrationInstall(name: string): Promise<IntegrationView>;
  integrationClientChoices(): Promise<ClientChoices>;
  integrationConfigure(id: string, choice: CredentialChoice): Promise<Configured>;
  /** Activates or deactivates, calling `onState` with each reportedState seen on the way. */
  integrationSetEnabled(id: string, enabled: boolean, onState: (view: IntegrationView) => void): Promise<Activation>;
  integrationDelete(id: string): Promise<Removal>;
}

export interface SetupApi {
  setupForm(): Promise<SetupForm>;
  setupPlan(request: SetupRequestInput): Promise<SetupPlan>;
  /** Starts a run; `onRun` receives the whole run view on every change. */
  setupStart(request: SetupRequestInput, onRun: (run: SetupRunView) => void): Promise<SetupRunView>;
  /** The current or unfinished run (re-attaching `onRun` to a live one), or null. */
  setupStatus(onRun: (run: SetupRunView) => void): Promise<SetupRunView | null>;
  setupResume(onRun: (run: SetupRunView) => void): Promise<SetupRunView>;
  setupRollBack(onRun: (run: SetupRunView) => void): Promise<SetupRunView>;
  /** Forgets a finished run so the form shows again. */
  setupDismiss(): Promise<void>;
  /** Stops the running run at its next step; it then waits to be resumed or rolled back. */
  setupCancel(runId: string): Promise<void>;
  /** Moves an unreadable journal aside (renamed in its folder); resolves to its new name. */
  setupSetAsideJournal(fileName: string): Promise<string>;
}

export type {
  Activation,
  ClientChoices,
  Configured,
  CredentialChoice,
  IntegrationView,
  IntegrationsOverview,
  Removal,
  SetupForm,
  SetupPlan,
  SetupRequestInput,
  SetupRunView,
};
