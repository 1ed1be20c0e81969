// The About screen (titled as its menu entry): what Dip Studio is, its version and build, and
// where it keeps its files.
import type { AppInfo } from "../../api";
import { h } from "../../kit/dom";
import { t } from "../../i18n";

function row(label: string, value: string, mono = false): HTMLElement[] {
  return [h("dt", {}, label), h("dd", mono ? { class: "mono" } : {}, value)];
}

export function aboutView(info: AppInfo): HTMLElement {
  return h(
    "section",
    { class: "screen", "aria-labelledby": "about-title", "data-screen": "about" },
    h("h1", { id: "about-title" }, t("nav.about")),
    h("p", { class: "intro" }, t("about.intro")),
    h(
      "dl",
      { class: "facts" },
      ...row(t("about.version"), info.version),
      ...row(t("about.build"), info.buildKind === "release" ? t("about.buildRelease") : t("about.buildDebug")),
      ...row(t("about.identifier"), info.identifier, true),
      ...row(t("about.dataDir"), info.dataDir, true),
      ...row(t("about.logDir"), info.logDir, true),
      ...row(t("about.osLocale"), info.osLocale ?? t("about.unknown"), true),
    ),
  );
}
