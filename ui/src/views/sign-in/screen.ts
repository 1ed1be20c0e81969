// The Sign-in screen (commands/sign_in.rs): pick the Sandbox org or a region, sign in through
// the browser (PKCE, or the legacy Implicit grant; optionally as a different user) or with client
// credentials; wait for the browser with the URL to copy and Cancel; show the session with Sign
// out (and what it could not do) and the next steps, the form to sign in elsewhere folded under
// them; saved orgs one click away. A client that registers fixed ports gets them listed here.
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import type { ErrorKind } from "../../generated/ErrorKind";
import { errorPanel, toCommandError } from "../../kit/errors";
import { nextSteps } from "./next";
import { signInForm } from "./form";
import { parsePorts, targetOf, type FormState, type SignInDeps, type SignInModel } from "./rules";
import { savedProfiles } from "./saved";
import { sessionCard } from "./session";
import { waitingCard } from "./waiting";

const NOT_RETRIED: readonly ErrorKind[] = ["clientRejected", "invalidInput"];

export function signInView(model: SignInModel, deps: SignInDeps): HTMLElement {
  const last = model.options.profiles[0];
  const form: FormState = {
    target: last ? (last.target.kind === "sandbox" ? "sandbox" : last.target.code) : "sandbox",
    method: last?.method ?? "pkce",
    clientId: last?.clientId ?? "",
    promptLogin: false,
    ports: "",
  };
  const root = h("section", { class: "screen", "aria-labelledby": "signin-title", "data-screen": "signin" });
  const problems = h("div", { class: "errors", id: "signin-errors" });
  const body = h("div", {});

  const fail = (err: unknown, retry?: () => void): void => {
    const e = toCommandError(err);
    if (e.kind === "signInCancelled") {
      problems.replaceChildren();
      return;
    }
    // The same form sent again cannot fix a rejected client or invalid input: no Try again then.
    const again = retry && !NOT_RETRIED.includes(e.kind) ? retry : undefined;
    const panel = errorPanel(e, { onDismiss: () => problems.replaceChildren(), onRetry: again });
    if (e.kind === "portsInUse") {
      const parsed = parsePorts(form.ports);
      const ports = "ports" in parsed ? parsed.ports.join(", ") : form.ports;
      panel.append(h("p", { class: "explainer", id: "signin-ports-explainer" }, t("signin.portsInUse", { ports })));
    }
    if (e.kind === "clientRejected") {
      const region = form.target === "sandbox" ? t("org.sandbox") : form.target;
      panel.append(
        h("h3", {}, t("signin.regionMismatchTitle")),
        h("p", { class: "explainer", id: "signin-region-explainer" }, t("signin.regionMismatch", { region })),
      );
    }
    problems.replaceChildren(panel);
  };

  const start = async (): Promise<void> => {
    problems.replaceChildren();
    anotherOpen = true;
    const target = targetOf(form.target);
    try {
      const parsed = parsePorts(form.ports);
      const ports = "ports" in parsed ? parsed.ports : [];
      const pending = await deps.api.signInStart(target, form.method, form.clientId.trim(), form.promptLogin, ports);
      body.replaceChildren(waitingCard(pending.authorizeUrl, pending.browserOpened, () => void deps.api.signInCancel()));
      deps.onSignedIn(await deps.api.signInWait());
    } catch (err) {
      fail(err, () => void start());
      drawForm();
    }
  };

  // Once signed in, the form to sign in elsewhere waits behind a disclosure under the next steps;
  // it stays open after the user opened it or a sign-in from it failed.
  let anotherOpen = false;
  const drawForm = (): void => {
    const formEl = signInForm(model, form, {
      clientCredentials: (secret) =>
        deps.api.signInClientCredentials(targetOf(form.target), form.clientId.trim(), secret).then(deps.onSignedIn, (err) => {
          anotherOpen = true;
          fail(err);
          throw err;
        }),
      browser: () => void start(),
    });
    const saved = savedProfiles(model.options.profiles, (p) => {
      form.target = p.target.kind === "sandbox" ? "sandbox" : p.target.code;
      form.method = p.method;
      form.clientId = p.clientId;
      drawForm();
    });
    if (!model.session) {
      body.replaceChildren(formEl, ...(saved ? [saved] : []));
      return;
    }
    const another = h(
      "details",
      { class: "another", id: "signin-another", open: anotherOpen || problems.childElementCount > 0 },
      h("summary", {}, t("signin.another")),
      formEl,
      ...(saved ? [saved] : []),
    );
    another.addEventListener("toggle", () => (anotherOpen = another.open));
    body.replaceChildren(sessionCard(model.session, deps, fail), nextSteps(), another);
  };

  drawForm();
  root.append(h("h1", { id: "signin-title" }, t("nav.signin")), h("p", { class: "intro" }, t("signin.intro")), problems, body);
  return root;
}
