// Boot and a small hash router: loads settings (language, theme) and the session (restored
// silently if its token is still valid), draws the shell and the current screen, and tells
// the backend when the first screen is interactive.
import { api, integrationsApi, type AppInfo, type SandboxAccount, type SessionView, type SettingsView, type SignInOptions } from "./api";
import { clear } from "./dom";
import { setLanguage } from "./i18n";
import { aboutView } from "./views/about";
import { clientsScreen } from "./views/clients/screen";
import { errorPanel } from "./views/errors";
import { integrationsScreen, offerUnfinishedSetup } from "./views/integrations";
import { settingsView } from "./views/settings";
import { routeFromHash, shellView, type Shell } from "./views/shell";
import { signInView, signOutProblems } from "./views/signin";

interface AppModel {
  info: AppInfo;
  settings: SettingsView;
  session: SessionView | null;
  signIn: SignInOptions;
  sandbox: SandboxAccount | null;
  justSaved: boolean;
}

const app = document.getElementById("app") as HTMLElement;
let model: AppModel | null = null;

function applySettings(view: SettingsView): void {
  setLanguage(view.language);
  document.documentElement.dataset.theme = view.settings.theme;
}

function showError(shell: Shell, err: unknown): void {
  clear(shell.errors);
  shell.errors.append(errorPanel(err, () => clear(shell.errors)));
}

/** Re-reads what sign-in changes (the session and saved profiles), then redraws. */
async function refreshSession(next: AppModel): Promise<Shell> {
  const [session, signIn] = await Promise.all([api.currentSession(), api.signInOptions()]);
  return render({ ...next, session, signIn, justSaved: false });
}

function screenFor(next: AppModel, shell: Shell): HTMLElement {
  const route = routeFromHash(location.hash);
  const fail = (err: unknown): void => showError(shell, err);
  switch (route) {
    case "settings":
      return settingsView(
        next.settings,
        {
          api,
          onSaved: (view) => {
            applySettings(view);
            render({ ...next, settings: view, justSaved: true });
          },
          onError: fail,
          onSandboxReset: () => void refreshSession(next).catch(fail),
        },
        next.justSaved,
      );
    case "about":
      return aboutView(next.info);
    case "clients":
      return clientsScreen(location.hash, { api, session: next.session, navigate: (hash) => (location.hash = hash) });
    case "integrations":
    case "setup":
      return integrationsScreen(route, location.hash, next.session !== null, integrationsApi);
    case "signin":
      return signInView(
        { options: next.signIn, session: next.session, sandbox: next.sandbox },
        {
          api,
          // Signed in again (e.g. the saved token had expired): an unfinished setup is offered now.
          onSignedIn: () => void refreshSession(next).then(() => offerUnfinishedSetup(integrationsApi), fail),
          // Signed out either way; what could not be done (revoke, keychain) is then shown.
          onSignedOut: (outcome) =>
            void refreshSession(next).then((shell) => {
              const problems = signOutProblems(outcome);
              if (problems) shell.errors.append(problems);
            }, fail),
        },
      );
  }
}

function render(next: AppModel): Shell {
  model = next;
  const shell = shellView(routeFromHash(location.hash), next.session);
  shell.main.append(screenFor(next, shell));
  app.replaceChildren(shell.root);
  app.removeAttribute("aria-busy");
  return shell;
}

async function boot(): Promise<void> {
  try {
    const [info, settings] = await Promise.all([api.appInfo(), api.getSettings()]);
    applySettings(settings);
    const [session, signIn, sandbox] = await Promise.all([
      api.currentSession(),
      api.signInOptions(),
      // The Sandbox org's practice account; if it cannot start, sign-in to it will say why.
      api.sandboxAccount().catch(() => null),
    ]);
    window.addEventListener("hashchange", () => {
      if (model) render({ ...model, justSaved: false });
    });
    render({ info, settings, session, signIn, sandbox, justSaved: false });
    if (session) void offerUnfinishedSetup(integrationsApi);
    requestAnimationFrame(() => requestAnimationFrame(() => void api.uiReady()));
  } catch (err) {
    app.replaceChildren(errorPanel(err));
    app.removeAttribute("aria-busy");
  }
}

void boot();
