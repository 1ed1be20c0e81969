// Who is signed in, where and until when, with Sign out; and, after a sign-out, what it could
// not do (revoke the token, clear the keychain).
import type { SessionView, SignOutView } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { dateTime, regionLabel } from "../../kit/format";
import type { SignInDeps } from "./rules";

/** What a sign-out could not do, to show once the screen is redrawn; null if it did all. */
export function signOutProblems(outcome: SignOutView): HTMLElement | null {
  const failed = [
    outcome.revoked ? null : h("li", { id: "signout-not-revoked" }, t("signin.signOutNotRevoked")),
    outcome.keychainCleared ? null : h("li", { id: "signout-keychain-kept" }, t("signin.signOutKeychainKept")),
  ].filter((item): item is HTMLLIElement => item !== null);
  if (failed.length === 0) return null;
  return h(
    "section",
    { class: "warning", id: "signout-problems", role: "alert" },
    h("h2", {}, t("signin.signOutIncomplete")),
    h("ul", {}, ...failed),
  );
}

export function sessionCard(view: SessionView, deps: Pick<SignInDeps, "api" | "onSignedOut">, fail: (err: unknown) => void): HTMLElement {
  const { session, profile } = view;
  const who =
    session.userName ?? session.userEmail
      ? t("signin.signedInAs", { org: session.orgName, user: session.userName ?? session.userEmail ?? "" })
      : t("signin.signedInAsClient", { org: session.orgName });
  const signOut = h("button", { type: "button", id: "signin-signout" }, t("signin.signOut"));
  signOut.addEventListener("click", () => {
    signOut.disabled = true;
    deps.api.signOut().then(deps.onSignedOut, (err) => {
      signOut.disabled = false;
      fail(err);
    });
  });
  return h(
    "section",
    { class: "card", id: "signin-session", "aria-labelledby": "signin-session-title" },
    h("h2", { id: "signin-session-title" }, t("signin.signedInTitle")),
    h("p", { class: "who" }, who),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, t("signin.region")),
      h("dd", {}, regionLabel(profile.target)),
      h("dt", {}, t("signin.expires")),
      h("dd", {}, dateTime(session.expiresAt)),
    ),
    h("p", { class: view.savedInKeychain ? "hint" : "warning" }, view.savedInKeychain ? t("signin.keychainSaved") : t("org.memoryOnly")),
    signOut,
    session.grant === "clientCredentials" ? null : h("p", { class: "hint", id: "signin-signout-hint" }, t("signin.signOutHint")),
  );
}
