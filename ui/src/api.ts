// The only module that imports @tauri-apps/*: one typed wrapper per IPC command.
// Views import this file; UI tests substitute it with vi.mock.
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./generated/AppInfo";
import type { CommandError } from "./generated/CommandError";
import type { Settings } from "./generated/Settings";
import type { SettingsView } from "./generated/SettingsView";

export type { AppInfo, CommandError, Settings, SettingsView };

export const api = {
  appInfo: (): Promise<AppInfo> => invoke<AppInfo>("app_info"),
  uiReady: (): Promise<number> => invoke<number>("ui_ready"),
  getSettings: (): Promise<SettingsView> => invoke<SettingsView>("get_settings"),
  setSettings: (settings: Settings): Promise<SettingsView> =>
    invoke<SettingsView>("set_settings", { settings }),
};

export type Api = typeof api;
