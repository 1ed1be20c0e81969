// The only module that imports @tauri-apps/*: one typed wrapper per IPC command.
// Views import this file; UI tests substitute it with vi.mock or pass fakes.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./generated/AppInfo";
import type { CommandError } from "./generated/CommandError";
import type { OrgTarget } from "./generated/OrgTarget";
import type { PendingView } from "./generated/PendingView";
import type { Profile } from "./generated/Profile";
import type { SandboxAccount } from "./generated/SandboxAccount";
import type { SessionView } from "./generated/SessionView";
import type { Settings } from "./generated/Settings";
import type { SettingsView } from "./generated/SettingsView";
import type { SignInMethod } from "./generated/SignInMethod";
import type { SignInOptions } from "./generated/SignInOptions";

export type {
  AppInfo,
  CommandError,
  OrgTarget,
  PendingView,
  Profile,
  SandboxAccount,
  SessionView,
  Settings,
  SettingsView,
  SignInMethod,
  SignInOptions,
};

export const api = {
  appInfo: (): Promise<AppInfo> => invoke<AppInfo>("app_info"),
  uiReady: (): Promise<number> => invoke<number>("ui_ready"),
  getSettings: (): Promise<SettingsView> => invoke<SettingsView>("get_settings"),
  setSettings: (settings: Settings): Promise<SettingsView> => invoke<SettingsView>("set_settings", { settings }),
  signInOptions: (): Promise<SignInOptions> => invoke<SignInOptions>("sign_in_options"),
  signInStart: (target: OrgTarget, method: SignInMethod, clientId: string): Promise<PendingView> =>
    invoke<PendingView>("sign_in_start", { target, method, clientId }),
  signInWait: (): Promise<SessionView> => invoke<SessionView>("sign_in_wait"),
  signInCancel: (): Promise<void> => invoke<void>("sign_in_cancel"),
  signInClientCredentials: (target: OrgTarget, clientId: string, clientSecret: string): Promise<SessionView> =>
    invoke<SessionView>("sign_in_client_credentials", { target, clientId, clientSecret }),
  currentSession: (): Promise<SessionView | null> => invoke<SessionView | null>("current_session"),
  signOut: (): Promise<void> => invoke<void>("sign_out"),
  resetSandbox: (): Promise<void> => invoke<void>("reset_sandbox"),
  sandboxAccount: (): Promise<SandboxAccount> => invoke<SandboxAccount>("sandbox_account"),
};

export type Api = typeof api;
