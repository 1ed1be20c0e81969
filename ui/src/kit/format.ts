// Formatting shared by the screens: dates in the UI language, org and region labels, and
// Genesys object names (with the guided setup's run marker drawn as a tag).
import type { OrgTarget, Profile } from "../api";
import { currentLanguage, t } from "../i18n";
import { h } from "./dom";

/** An RFC 3339 time as the user's language writes a date and time. */
export function dateTime(rfc3339: string): string {
  const date = new Date(rfc3339);
  if (Number.isNaN(date.getTime())) return rfc3339;
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function regionLabel(target: OrgTarget): string {
  return target.kind === "sandbox" ? t("signin.regionSandbox") : `${target.code} · ${t(`regions.${target.code}`)}`;
}

export function profileLabel(profile: Profile): string {
  const org = profile.orgName ?? (profile.target.kind === "sandbox" ? t("org.sandbox") : profile.target.code);
  const method =
    profile.method === "clientCredentials"
      ? t("signin.methodClientCredentials")
      : profile.method === "implicit"
        ? t("signin.methodImplicit")
        : t("signin.methodBrowser");
  return `${org} · ${regionLabel(profile.target)} · ${method}`;
}

const RUN_MARKER = /^(.*\S) \[dip-studio-run:([0-9a-f]{16})\]$/s;

/** A name without its guided-setup run marker, as plain text. */
export function plainName(name: string): string {
  return RUN_MARKER.exec(name)?.[1] ?? name;
}

/** A name as Genesys holds it; a guided-setup run marker is shown as a small tag after it. */
export function objectName(name: string): HTMLElement {
  const m = RUN_MARKER.exec(name);
  if (!m) return h("span", { class: "object-name" }, name);
  return h(
    "span",
    { class: "object-name", title: name },
    m[1] ?? name,
    " ",
    h("span", { class: "run-tag" }, t("integrations.runTag", { id: (m[2] ?? "").slice(0, 6) })),
  );
}
