// The only module that imports @tauri-apps/*: one typed wrapper per IPC command, grouped by
// screen as the Rust command files are (src-tauri/src/commands/<group>.rs), each named after
// its command in camelCase. Imports nothing from views/; each screen receives the methods it
// calls (a Pick of its group), so UI tests pass fakes of exactly those.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { ActionDetail } from "./generated/ActionDetail";
import type { ActionFile } from "./generated/ActionFile";
import type { ActionForm } from "./generated/ActionForm";
import type { ActionsOverview } from "./generated/ActionsOverview";
import type { ActionPrivileges } from "./generated/ActionPrivileges";
import type { PrivilegeGrant } from "./generated/PrivilegeGrant";
import type { FormProblem } from "./generated/FormProblem";
import type { FormFix } from "./generated/FormFix";
import type { Preview } from "./generated/Preview";
import type { KeptSample } from "./generated/KeptSample";
import type { SampleDraft } from "./generated/SampleDraft";
import type { SampleSource } from "./generated/SampleSource";
import type { PreviewRequest } from "./generated/PreviewRequest";
import type { ImportPlan } from "./generated/ImportPlan";
import type { ImportRunView } from "./generated/ImportRunView";
import type { QueueChoice } from "./generated/QueueChoice";
import type { TestRun } from "./generated/TestRun";
import type { AppInfo } from "./generated/AppInfo";
import type { Activation } from "./generated/Activation";
import type { ClientChoices } from "./generated/ClientChoices";
import type { Configured } from "./generated/Configured";
import type { CredentialChoice } from "./generated/CredentialChoice";
import type { IntegrationView } from "./generated/IntegrationView";
import type { IntegrationsOverview } from "./generated/IntegrationsOverview";
import type { Removal } from "./generated/Removal";
import type { SetupForm } from "./generated/SetupForm";
import type { SetupPlan } from "./generated/SetupPlan";
import type { SetupRequest } from "./generated/SetupRequest";
import type { SetupRunView } from "./generated/SetupRunView";
import type { AssignProgress } from "./generated/AssignProgress";
import type { ClientState } from "./generated/ClientState";
import type { CommandError } from "./generated/CommandError";
import type { CredentialUses } from "./generated/CredentialUses";
import type { DeletionView } from "./generated/DeletionView";
import type { IssuedClientView } from "./generated/IssuedClientView";
import type { OAuthClient } from "./generated/OAuthClient";
import type { OAuthClientForm } from "./generated/OAuthClientForm";
import type { OAuthScope } from "./generated/OAuthScope";
import type { RolesView } from "./generated/RolesView";
import type { OrgTarget } from "./generated/OrgTarget";
import type { PendingView } from "./generated/PendingView";
import type { Profile } from "./generated/Profile";
import type { SandboxAccount } from "./generated/SandboxAccount";
import type { SessionView } from "./generated/SessionView";
import type { Preferences } from "./generated/Preferences";
import type { Settings } from "./generated/Settings";
import type { SettingsView } from "./generated/SettingsView";
import type { SignInMethod } from "./generated/SignInMethod";
import type { SignInOptions } from "./generated/SignInOptions";
import type { SignOutView } from "./generated/SignOutView";

export type {
  ActionDetail,
  ActionFile,
  ActionForm,
  ActionsOverview,
  ActionPrivileges,
  PrivilegeGrant,
  FormProblem,
  ImportPlan,
  ImportRunView,
  QueueChoice,
  TestRun,
  Activation,
  ClientChoices,
  Configured,
  CredentialChoice,
  IntegrationView,
  IntegrationsOverview,
  Removal,
  SetupForm,
  SetupPlan,
  SetupRequest,
  SetupRunView,
  AppInfo,
  ClientState,
  CommandError,
  CredentialUses,
  DeletionView,
  IssuedClientView,
  OAuthClient,
  OAuthClientForm,
  OAuthScope,
  RolesView,
  OrgTarget,
  PendingView,
  Profile,
  SandboxAccount,
  SessionView,
  Preferences,
  Settings,
  SettingsView,
  SignInMethod,
  SignInOptions,
  SignOutView,
};

/** A channel whose every message goes to `on` (Tauri v2 `ipc::Channel`). */
function channel<T>(on: (message: T) => void): Channel<T> {
  const ch = new Channel<T>();
  ch.onmessage = on;
  return ch;
}

export const api = {
  // commands/app.rs
  app: {
    appInfo: (): Promise<AppInfo> => invoke<AppInfo>("app_info"),
    uiReady: (): Promise<number> => invoke<number>("ui_ready"),
    openHelp: (url: string): Promise<void> => invoke<void>("open_help", { url }),
  },
  // commands/settings.rs
  settings: {
    getSettings: (): Promise<SettingsView> => invoke<SettingsView>("get_settings"),
    setSettings: (preferences: Preferences): Promise<SettingsView> => invoke<SettingsView>("set_settings", { preferences }),
  },
  // commands/sign_in.rs: signing in and out, and the Sandbox org's account and reset.
  signIn: {
    signInOptions: (): Promise<SignInOptions> => invoke<SignInOptions>("sign_in_options"),
    signInStart: (target: OrgTarget, method: SignInMethod, clientId: string, promptLogin: boolean, ports: number[]): Promise<PendingView> =>
      invoke<PendingView>("sign_in_start", { target, method, clientId, promptLogin, ports }),
    signInWait: (): Promise<SessionView> => invoke<SessionView>("sign_in_wait"),
    signInCancel: (): Promise<void> => invoke<void>("sign_in_cancel"),
    signInClientCredentials: (target: OrgTarget, clientId: string, clientSecret: string): Promise<SessionView> =>
      invoke<SessionView>("sign_in_client_credentials", { target, clientId, clientSecret }),
    currentSession: (): Promise<SessionView | null> => invoke<SessionView | null>("current_session"),
    signOut: (): Promise<SignOutView> => invoke<SignOutView>("sign_out"),
    resetSandbox: (): Promise<void> => invoke<void>("reset_sandbox"),
    sandboxAccount: (): Promise<SandboxAccount> => invoke<SandboxAccount>("sandbox_account"),
  },
  // commands/clients.rs: OAuth clients, scopes and roles. Only oauthClientSecretReveal ever
  // returns a secret, once.
  clients: {
    oauthClientsList: (): Promise<OAuthClient[]> => invoke<OAuthClient[]>("oauth_clients_list"),
    oauthClientGet: (id: string): Promise<OAuthClient> => invoke<OAuthClient>("oauth_client_get", { id }),
    oauthClientCreate: (form: OAuthClientForm): Promise<IssuedClientView> => invoke<IssuedClientView>("oauth_client_create", { form }),
    oauthClientUpdate: (id: string, form: OAuthClientForm): Promise<OAuthClient> => invoke<OAuthClient>("oauth_client_update", { id, form }),
    oauthClientSetState: (id: string, clientState: ClientState): Promise<OAuthClient> =>
      invoke<OAuthClient>("oauth_client_set_state", { id, clientState }),
    oauthClientDelete: (id: string): Promise<DeletionView> => invoke<DeletionView>("oauth_client_delete", { id }),
    oauthClientRegenerateSecret: (id: string): Promise<IssuedClientView> => invoke<IssuedClientView>("oauth_client_regenerate_secret", { id }),
    oauthClientSecretReveal: (handle: string): Promise<string> => invoke<string>("oauth_client_secret_reveal", { handle }),
    oauthClientSecretCopy: (handle: string): Promise<void> => invoke<void>("oauth_client_secret_copy", { handle }),
    oauthClientSecretForget: (handle: string, keepInKeychain: boolean): Promise<void> =>
      invoke<void>("oauth_client_secret_forget", { handle, keepInKeychain }),
    oauthScopes: (): Promise<OAuthScope[]> => invoke<OAuthScope[]>("oauth_scopes"),
    authorizationRoles: (): Promise<RolesView> => invoke<RolesView>("authorization_roles"),
    authorizationRolePermissions: (id: string): Promise<string[]> => invoke<string[]>("authorization_role_permissions", { id }),
    authorizationAssignRoleToMe: (roleId: string, onProgress: (p: AssignProgress) => void): Promise<string[]> =>
      invoke<string[]>("authorization_assign_role_to_me", { roleId, onProgress: channel(onProgress) }),
    oauthClientCredentials: (id: string): Promise<CredentialUses> => invoke<CredentialUses>("oauth_client_credentials", { id }),
    oauthClientCredentialUpdate: (credentialId: string, name: string, clientId: string, handle: string): Promise<void> =>
      invoke<void>("oauth_client_credential_update", { credentialId, name, clientId, handle }),
  },
  // commands/integrations.rs: the Data Actions integrations. A typed client secret only goes in.
  integrations: {
    integrationsOverview: (): Promise<IntegrationsOverview> => invoke<IntegrationsOverview>("integrations_overview"),
    integrationInstall: (name: string): Promise<IntegrationView> => invoke<IntegrationView>("integration_install", { name }),
    integrationClientChoices: (): Promise<ClientChoices> => invoke<ClientChoices>("integration_client_choices"),
    integrationConfigure: (id: string, choice: CredentialChoice): Promise<Configured> => invoke<Configured>("integration_configure", { id, choice }),
    /** Activates or deactivates, calling `onState` with each reportedState seen on the way. */
    integrationSetEnabled: (id: string, enabled: boolean, onState: (view: IntegrationView) => void): Promise<Activation> =>
      invoke<Activation>("integration_set_enabled", { id, enabled, onState: channel(onState) }),
    integrationDelete: (id: string): Promise<Removal> => invoke<Removal>("integration_delete", { id }),
  },
  // commands/actions.rs: the data actions of the org's Data Actions integrations. Every rule a
  // form breaks comes from Rust (actionCheck), so the window never keeps its own copy of them.
  actions: {
    actionsOverview: (): Promise<ActionsOverview> => invoke<ActionsOverview>("actions_overview"),
    /** The workshop's "Get queue presences" action as a form for `integrationId`, named `name`. */
    actionPreset: (integrationId: string, name: string): Promise<ActionForm> => invoke<ActionForm>("action_preset", { integrationId, name }),
    actionCheck: (form: ActionForm): Promise<FormProblem[]> => invoke<FormProblem[]>("action_check", { form }),
    /** The ten steps played offline on the form over a sample response (in Rust; nothing is sent). */
    actionPreview: (request: PreviewRequest): Promise<Preview> => invoke<Preview>("action_preview", { request }),
    /** A sample response for the preview: the form's GET sent once with the user's token (any other method is refused). */
    actionSample: (form: ActionForm, values: Record<string, string>): Promise<string> => invoke<string>("action_sample", { form, values }),
    /** A sample response drafted from the answer model of the endpoint the form calls (the org's API description). */
    actionSampleDraft: (form: ActionForm): Promise<SampleDraft> => invoke<SampleDraft>("action_sample_draft", { form }),
    /** The sample kept with action `id` on this machine, if any. */
    actionSampleKept: (id: string): Promise<KeptSample | null> => invoke<KeptSample | null>("action_sample_kept", { id }),
    /** Keeps `sample` with action `id` on this machine (an empty sample forgets it). */
    actionSampleKeep: (id: string, sample: string, source: SampleSource): Promise<KeptSample | null> =>
      invoke<KeptSample | null>("action_sample_keep", { id, sample, source }),
    /** The form with one lint's fix applied (in Rust; nothing is saved). */
    actionFix: (form: ActionForm, fix: FormFix): Promise<ActionForm> => invoke<ActionForm>("action_fix", { form, fix }),
    actionGet: (id: string): Promise<ActionDetail> => invoke<ActionDetail>("action_get", { id }),
    /** Creates a draft (`id` null) or saves the draft of `id` at `form.version`. */
    actionSave: (id: string | null, form: ActionForm): Promise<ActionDetail> => invoke<ActionDetail>("action_save", { id, form }),
    /** Tests the draft of `id` with `values` (field name → typed text). */
    actionTest: (id: string, values: Record<string, string>, flatten: boolean): Promise<TestRun> =>
      invoke<TestRun>("action_test", { id, values, flatten }),
    actionPublish: (id: string): Promise<ActionDetail> => invoke<ActionDetail>("action_publish", { id }),
    /** A new draft made from the published action, to change it. */
    actionNewDraft: (id: string): Promise<ActionDetail> => invoke<ActionDetail>("action_new_draft", { id }),
    /** Deletes the whole action, or only its draft. */
    actionDelete: (id: string, draftOnly: boolean): Promise<Removal> => invoke<Removal>("action_delete", { id, draftOnly }),
    /** The org's routing queues, for a test input that takes a queue id. */
    actionQueues: (): Promise<QueueChoice[]> => invoke<QueueChoice[]>("action_queues"),
    // The import of exported actions into one integration, a run that lives in Rust with its
    // journal; `onRun` receives the whole run view on every change.
    /** What importing `files` into `integrationId` would do; nothing is made yet. */
    actionImportPlan: (integrationId: string, files: ActionFile[]): Promise<ImportPlan> => invoke<ImportPlan>("action_import_plan", { integrationId, files }),
    /** Imports the ready entries (publishing each when `publish`); resolves when the run ends. */
    actionImportStart: (integrationId: string, files: ActionFile[], publish: boolean, onRun: (run: ImportRunView) => void): Promise<ImportRunView> =>
      invoke<ImportRunView>("action_import_start", { integrationId, files, publish, onRun: channel(onRun) }),
    /** The import in memory (re-attaching `onRun` to a live one) or the unfinished one from its journal, or null. */
    actionImportStatus: (onRun: (run: ImportRunView) => void): Promise<ImportRunView | null> =>
      invoke<ImportRunView | null>("action_import_status", { onRun: channel(onRun) }),
    actionImportResume: (onRun: (run: ImportRunView) => void): Promise<ImportRunView> => invoke<ImportRunView>("action_import_resume", { onRun: channel(onRun) }),
    /** Stops the running import after the action it is on; it then waits to be resumed. */
    actionImportCancel: (importId: string): Promise<void> => invoke<void>("action_import_cancel", { importId }),
    /** Forgets a finished or stopped import so another can start. */
    actionImportDismiss: (): Promise<void> => invoke<void>("action_import_dismiss"),
    /** The action (its draft if it has one, else the published one) as the admin UI's JSON text. */
    actionExport: (id: string): Promise<string> => invoke<string>("action_export", { id }),
    /** The action as a Terraform file for the genesyscloud provider (its integration a variable). */
    actionExportTerraform: (id: string): Promise<string> => invoke<string>("action_export_terraform", { id }),
    // Least privilege: what the calls of an integration's actions need, read from the org's own API
    // description, against what its OAuth client holds.
    /** Each action's need, the client's roles, what is missing or more than needed, and the role offered. */
    actionPrivileges: (integrationId: string): Promise<ActionPrivileges> => invoke<ActionPrivileges>("action_privileges", { integrationId }),
    /** Gives the offered role to the client in `grant.divisionId` (to the signed-in user first when they
     *  do not hold it); resolves to the view once Genesys shows the grant, which can take tens of seconds. */
    actionPrivilegesGrant: (grant: PrivilegeGrant, onProgress: (p: AssignProgress) => void): Promise<ActionPrivileges> =>
      invoke<ActionPrivileges>("action_privileges_grant", { grant, onProgress: channel(onProgress) }),
    /** Starts downloading the org's API description in the background, so the view above opens quickly. */
    /** The integration with its OAuth client, roles, credential and actions as one Terraform file (no secret in it). */
    integrationExportTerraform: (integrationId: string): Promise<string> => invoke<string>("integration_export_terraform", { integrationId }),
    apiPermissionsPrefetch: (): Promise<null> => invoke<null>("api_permissions_prefetch"),
  },
  // commands/setup.rs: the guided setup. `onRun` receives the whole run view on every change.
  setup: {
    setupForm: (): Promise<SetupForm> => invoke<SetupForm>("setup_form"),
    setupPlan: (request: SetupRequest): Promise<SetupPlan> => invoke<SetupPlan>("setup_plan", { request }),
    setupStart: (request: SetupRequest, onRun: (run: SetupRunView) => void): Promise<SetupRunView> =>
      invoke<SetupRunView>("setup_start", { request, onRun: channel(onRun) }),
    /** The current or unfinished run (re-attaching `onRun` to a live one), or null. */
    setupStatus: (onRun: (run: SetupRunView) => void): Promise<SetupRunView | null> =>
      invoke<SetupRunView | null>("setup_status", { onRun: channel(onRun) }),
    setupResume: (onRun: (run: SetupRunView) => void): Promise<SetupRunView> => invoke<SetupRunView>("setup_resume", { onRun: channel(onRun) }),
    setupRollBack: (onRun: (run: SetupRunView) => void): Promise<SetupRunView> => invoke<SetupRunView>("setup_roll_back", { onRun: channel(onRun) }),
    /** Forgets a finished run so the form shows again. */
    setupDismiss: (): Promise<void> => invoke<void>("setup_dismiss"),
    /** Stops the running run at its next step; it then waits to be resumed or rolled back. */
    setupCancel: (runId: string): Promise<void> => invoke<void>("setup_cancel", { runId }),
    /** Moves an unreadable journal aside (renamed in its folder); resolves to its new name. */
    setupSetAsideJournal: (fileName: string): Promise<string> => invoke<string>("setup_set_aside_journal", { fileName }),
  },
};

export type Api = typeof api;
export type SignInApi = Api["signIn"];
export type ClientsApi = Api["clients"];
export type IntegrationsApi = Api["integrations"];
export type SetupApi = Api["setup"];
export type ActionsApi = Api["actions"];
