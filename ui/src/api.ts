// The only module that imports @tauri-apps/*: one typed wrapper per IPC command.
// Views import this file; UI tests substitute it with vi.mock or pass fakes.
import { Channel, invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./generated/AppInfo";
import type { AssignProgress } from "./generated/AssignProgress";
import type { IntegrationsApi, SetupApi, SetupRunView } from "./views/integrations/deps";
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

export const api = {
  appInfo: (): Promise<AppInfo> => invoke<AppInfo>("app_info"),
  uiReady: (): Promise<number> => invoke<number>("ui_ready"),
  getSettings: (): Promise<SettingsView> => invoke<SettingsView>("get_settings"),
  setSettings: (preferences: Preferences): Promise<SettingsView> => invoke<SettingsView>("set_settings", { preferences }),
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
  // OAuth clients screen. Only oauthClientSecretReveal ever returns a secret, once.
  oauthClientsList: (): Promise<OAuthClient[]> => invoke<OAuthClient[]>("oauth_clients_list"),
  oauthClientGet: (id: string): Promise<OAuthClient> => invoke<OAuthClient>("oauth_client_get", { id }),
  oauthClientCreate: (form: OAuthClientForm): Promise<IssuedClientView> =>
    invoke<IssuedClientView>("oauth_client_create", { form }),
  oauthClientUpdate: (id: string, form: OAuthClientForm): Promise<OAuthClient> =>
    invoke<OAuthClient>("oauth_client_update", { id, form }),
  oauthClientSetState: (id: string, clientState: ClientState): Promise<OAuthClient> =>
    invoke<OAuthClient>("oauth_client_set_state", { id, clientState }),
  oauthClientDelete: (id: string): Promise<DeletionView> => invoke<DeletionView>("oauth_client_delete", { id }),
  oauthClientRegenerateSecret: (id: string): Promise<IssuedClientView> =>
    invoke<IssuedClientView>("oauth_client_regenerate_secret", { id }),
  oauthClientSecretReveal: (handle: string): Promise<string> => invoke<string>("oauth_client_secret_reveal", { handle }),
  oauthClientSecretCopy: (handle: string): Promise<void> => invoke<void>("oauth_client_secret_copy", { handle }),
  oauthClientSecretForget: (handle: string, keepInKeychain: boolean): Promise<void> =>
    invoke<void>("oauth_client_secret_forget", { handle, keepInKeychain }),
  oauthScopes: (): Promise<OAuthScope[]> => invoke<OAuthScope[]>("oauth_scopes"),
  authorizationRoles: (): Promise<RolesView> => invoke<RolesView>("authorization_roles"),
  authorizationRolePermissions: (id: string): Promise<string[]> =>
    invoke<string[]>("authorization_role_permissions", { id }),
  authorizationAssignRoleToMe: (roleId: string, onProgress: (p: AssignProgress) => void): Promise<string[]> =>
    invoke<string[]>("authorization_assign_role_to_me", { roleId, onProgress: channel(onProgress) }),
  oauthClientCredentials: (id: string): Promise<CredentialUses> => invoke<CredentialUses>("oauth_client_credentials", { id }),
  oauthClientCredentialUpdate: (credentialId: string, name: string, clientId: string, handle: string): Promise<void> =>
    invoke<void>("oauth_client_credential_update", { credentialId, name, clientId, handle }),
};

/** A channel whose every message goes to `on` (Tauri v2 `ipc::Channel`). */
function channel<T>(on: (message: T) => void): Channel<T> {
  const ch = new Channel<T>();
  ch.onmessage = on;
  return ch;
}

// The Data Actions integration screens and the guided setup. No secret comes back:
// a typed client secret only goes in.
export const integrationsApi: IntegrationsApi & SetupApi = {
  integrationsOverview: () => invoke("integrations_overview"),
  integrationInstall: (name) => invoke("integration_install", { name }),
  integrationClientChoices: () => invoke("integration_client_choices"),
  integrationConfigure: (id, choice) => invoke("integration_configure", { id, choice }),
  integrationSetEnabled: (id, enabled, onState) => invoke("integration_set_enabled", { id, enabled, onState: channel(onState) }),
  integrationDelete: (id) => invoke("integration_delete", { id }),
  setupForm: () => invoke("setup_form"),
  setupPlan: (request) => invoke("setup_plan", { request }),
  setupStart: (request, onRun) => invoke("setup_start", { request, onRun: channel<SetupRunView>(onRun) }),
  setupStatus: (onRun) => invoke("setup_status", { onRun: channel<SetupRunView>(onRun) }),
  setupResume: (onRun) => invoke("setup_resume", { onRun: channel<SetupRunView>(onRun) }),
  setupRollBack: (onRun) => invoke("setup_roll_back", { onRun: channel<SetupRunView>(onRun) }),
  setupDismiss: () => invoke("setup_dismiss"),
  setupCancel: (runId) => invoke("setup_cancel", { runId }),
  setupSetAsideJournal: (fileName) => invoke("setup_set_aside_journal", { fileName }),
};

export type Api = typeof api;
