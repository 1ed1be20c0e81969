// Boot and a small hash router: loads settings (language, theme) and the session (restored
// silently if its token is still valid), draws the shell and the current screen, and tells
// the backend when the first screen is interactive.
import { api, type AppInfo, type SandboxAccount, type SessionView, type SettingsView, type SignInOptions } from "./api";
import { setLanguage } from "./i18n";
import { clear } from "./kit/dom";
import { errorPanel } from "./kit/errors";
import { goTo } from "./kit/screen";
import { aboutView } from "./views/app/about";
import { routeFromHash, shellView, type Shell } from "./views/app/shell";
import { actionsScreen } from "./views/actions/screen";
import { clientsScreen } from "./views/clients/screen";
import { integrationsScreen } from "./views/integrations/screen";
import { settingsView } from "./views/settings/screen";
import { offerUnfinishedSetup, setupScreen } from "./views/setup/screen";
import { signInView } from "./views/sign-in/screen";
import { signOutProblems } from "./views/sign-in/session";

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

/** Shows a failure above the screen; with `retry`, the panel offers Try again. */
function showError(shell: Shell, err: unknown, retry?: () => void): void {
  clear(shell.errors);
  shell.errors.append(errorPanel(err, { onDismiss: () => clear(shell.errors), onRetry: retry }));
}

/** Re-reads what sign-in changes (the session and saved profiles), then redraws. */
async function refreshSession(next: AppModel): Promise<Shell> {
  const [session, signIn] = await Promise.all([api.signIn.currentSession(), api.signIn.signInOptions()]);
  return render({ ...next, session, signIn, justSaved: false });
}

function screenFor(next: AppModel, shell: Shell): HTMLElement {
  const route = routeFromHash(location.hash);
  const fail = (err: unknown, retry?: () => void): void => showError(shell, err, retry);
  switch (route) {
    case "settings":
      return settingsView(
        next.settings,
        {
          api: { setSettings: api.settings.setSettings, resetSandbox: api.signIn.resetSandbox },
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
      return clientsScreen(location.hash, { api: api.clients, session: next.session, navigate: goTo });
    case "integrations":
      return integrationsScreen(location.hash, { api: api.integrations, session: next.session, navigate: goTo });
    case "actions":
      return actionsScreen(location.hash, { api: { ...api.actions, authorizationRoles: api.clients.authorizationRoles }, session: next.session, navigate: goTo });
    case "setup":
      return setupScreen({ api: api.setup, session: next.session, navigate: goTo });
    case "signin":
      return signInView(
        { options: next.signIn, session: next.session, sandbox: next.sandbox },
        {
          api: api.signIn,
          // Signed in again (e.g. the saved token had expired): an unfinished setup is offered now.
          onSignedIn: () => void refreshSession(next).then(() => offerUnfinishedSetup(api.setup), fail),
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
    const [info, settings] = await Promise.all([api.app.appInfo(), api.settings.getSettings()]);
    applySettings(settings);
    const [session, signIn, sandbox] = await Promise.all([
      api.signIn.currentSession(),
      api.signIn.signInOptions(),
      // The Sandbox org's practice account; if it cannot start, sign-in to it will say why.
      api.signIn.sandboxAccount().catch(() => null),
    ]);
    window.addEventListener("hashchange", () => {
      if (model) render({ ...model, justSaved: false });
    });
    render({ info, settings, session, signIn, sandbox, justSaved: false });
    if (session) void offerUnfinishedSetup(api.setup);
    requestAnimationFrame(() => requestAnimationFrame(() => void api.app.uiReady()));
  } catch (err) {
    // Nothing is drawn yet: the panel is the whole window, and Try again starts over.
    app.replaceChildren(errorPanel(err, { onRetry: () => void boot() }));
    app.removeAttribute("aria-busy");
  }
}

void boot();
