// Boot and a small hash router: loads settings (language, theme), draws the shell and the
// current screen, and tells the backend when the first screen is interactive.
import { api, type AppInfo, type SettingsView } from "./api";
import { clear } from "./dom";
import { setLanguage } from "./i18n";
import { aboutView } from "./views/about";
import { errorPanel } from "./views/errors";
import { settingsView } from "./views/settings";
import { routeFromHash, shellView } from "./views/shell";

interface AppModel {
  info: AppInfo;
  settings: SettingsView;
  justSaved: boolean;
}

const app = document.getElementById("app") as HTMLElement;

function applySettings(view: SettingsView): void {
  setLanguage(view.language);
  document.documentElement.dataset.theme = view.settings.theme;
}

function showError(shell: { errors: HTMLElement }, err: unknown): void {
  clear(shell.errors);
  shell.errors.append(errorPanel(err, () => clear(shell.errors)));
}

let model: AppModel | null = null;

function render(next: AppModel): void {
  model = next;
  const route = routeFromHash(location.hash);
  const shell = shellView(route);
  const screen =
    route === "settings"
      ? settingsView(
          next.settings,
          {
            api,
            onSaved: (view) => {
              applySettings(view);
              render({ ...next, settings: view, justSaved: true });
            },
            onError: (err) => showError(shell, err),
          },
          next.justSaved,
        )
      : aboutView(next.info);
  shell.main.append(screen);
  app.replaceChildren(shell.root);
  app.removeAttribute("aria-busy");
}

async function boot(): Promise<void> {
  try {
    const [info, settings] = await Promise.all([api.appInfo(), api.getSettings()]);
    applySettings(settings);
    window.addEventListener("hashchange", () => {
      if (model) render({ ...model, justSaved: false });
    });
    render({ info, settings, justSaved: false });
    requestAnimationFrame(() => requestAnimationFrame(() => void api.uiReady()));
  } catch (err) {
    app.replaceChildren(errorPanel(err));
    app.removeAttribute("aria-busy");
  }
}

void boot();
