// Boot and a small hash router: loads settings (language, theme) and the session (restored
// silently if its token is still valid), draws the shell and the current screen, and tells
// the backend when the first screen is interactive.
import { api, type AppInfo, type SandboxAccount, type SessionView, type SettingsView, type SignInOptions } from "./api";
import { setLanguage } from "./i18n";
import { clear } from "./kit/dom";
import { errorPanel } from "./kit/errors";
import { goTo } from "./kit/screen";
import { aboutView } from "./views/app/about";
import { PENDING, routeFromHash, shellView, type Shell } from "./views/app/shell";
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

let practiceAsked: Promise<SandboxAccount | null> | null = null;

/** The Sandbox org's practice account, asked once (asking starts the in-process org); null if
 * the org cannot start, which signing in to it then explains. */
function practiceAccount(): Promise<SandboxAccount | null> {
  practiceAsked ??= api.signIn.sandboxAccount().catch(() => null);
  return practiceAsked;
}

/** Re-reads what sign-in changes (the session and saved profiles), then redraws. */
async function refreshSession(next: AppModel): Promise<Shell> {
  const [session, signIn] = await Promise.all([api.signIn.currentSession(), api.signIn.signInOptions()]);
  const sandbox = next.sandbox ?? (session === null ? await practiceAccount() : null);
  return render({ ...next, session, signIn, sandbox, justSaved: false });
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
    // The frame first (header, navigation, the screen's place), before anything slow: the
    // session restore may ask the org and the keychain, and the Sandbox org starts on first use.
    app.replaceChildren(shellView(routeFromHash(location.hash), PENDING).root);
    // On a first run the sign-in screen comes next, so the Sandbox org starts beside the
    // session check; otherwise only once a screen shows its practice account.
    const early = settings.settings.profiles.length === 0 ? practiceAccount() : null;
    const [session, signIn] = await Promise.all([api.signIn.currentSession(), api.signIn.signInOptions()]);
    const needed = session === null || routeFromHash(location.hash) === "signin";
    const sandbox = early ? await early : needed ? await practiceAccount() : null;
    window.addEventListener("hashchange", () => {
      if (!model) return;
      if (routeFromHash(location.hash) === "signin" && model.sandbox === null && practiceAsked === null) {
        void practiceAccount().then((account) => {
          if (!model || account === null) return;
          model = { ...model, sandbox: account };
          if (routeFromHash(location.hash) === "signin") render({ ...model, justSaved: false });
        });
      }
      render({ ...model, justSaved: false });
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
