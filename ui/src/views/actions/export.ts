// Exporting one data action (the draft if there is one, else the published action), written in
// Rust: as the admin UI's JSON, or as a Terraform file for the genesyscloud provider. Shown
// read-only in a dialog with Copy (or, where the clipboard refuses, the text selected for
// Ctrl+C) and a download named after the action.
import type { ActionsApi } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { openModal } from "../../kit/modal";

/** The two shapes an action is exported in. */
export type ExportFormat = "json" | "terraform";

const EXTENSION: Record<ExportFormat, string> = { json: "json", terraform: "tf" };
const MIME: Record<ExportFormat, string> = { json: "application/json", terraform: "text/plain" };

/** A file name from an action's name: characters no file system takes become "_". */
export function exportFileName(name: string, format: ExportFormat = "json"): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "_").trim();
  return `${safe || "action"}.${EXTENSION[format]}`;
}

function downloadHref(text: string, format: ExportFormat): { href: string; release: () => void } {
  const blob = new Blob([text], { type: MIME[format] });
  if (typeof URL.createObjectURL === "function") {
    const href = URL.createObjectURL(blob);
    return { href, release: () => URL.revokeObjectURL(href) };
  }
  return { href: `data:${MIME[format]};charset=utf-8,${encodeURIComponent(text)}`, release: () => undefined };
}

/** The dialog with the exported text of the action named `name`. */
export function showExport(name: string, text: string, format: ExportFormat = "json"): void {
  const download = downloadHref(text, format);
  const title = format === "json" ? t("actions.export.title", { name }) : t("actions.export.terraformTitle", { name });
  const modal = openModal("action-export-dialog", title, () => close());
  function close(): void {
    download.release();
    modal.close();
  }
  const area = h("textarea", { id: "action-export-text", readonly: true, rows: "16", spellcheck: "false", class: "export-text" });
  area.value = text;
  const status = h("p", { class: "status", role: "status", id: "action-export-status" });
  const copy = h("button", { type: "button", class: "primary", id: "action-export-copy" }, t("actions.export.copy"));
  const selectForKeys = (): void => {
    area.focus();
    area.select();
    status.textContent = t("actions.export.copyByHand");
  };
  copy.addEventListener("click", () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) return selectForKeys();
    clipboard.writeText(text).then(() => (status.textContent = t("actions.export.copied")), selectForKeys);
  });
  const save = h("a", { class: "button secondary", id: "action-export-download", href: download.href, download: exportFileName(name, format) }, t("actions.export.download"));
  const done = h("button", { type: "button", id: "action-export-close" }, t("actions.export.close"));
  done.addEventListener("click", close);
  const intro = format === "json" ? t("actions.export.intro") : t("actions.export.terraformIntro");
  modal.body.append(h("p", { class: "hint" }, intro), h("label", { for: "action-export-text" }, format === "json" ? t("actions.export.label") : t("actions.export.terraformLabel")), area, status);
  modal.actions.append(copy, " ", save, " ", done);
}

/** An Export button of an action's page, for `format`; a failure goes to `fail`. */
export function exportButton(
  id: string,
  name: string,
  api: Pick<ActionsApi, "actionExport" | "actionExportTerraform">,
  fail: (err: unknown) => void,
  format: ExportFormat = "json",
): HTMLButtonElement {
  const button =
    format === "json"
      ? h("button", { type: "button", id: "action-export" }, t("actions.export.button"))
      : h("button", { type: "button", id: "action-export-terraform" }, t("actions.export.terraformButton"));
  button.addEventListener("click", () => {
    button.disabled = true;
    (format === "json" ? api.actionExport(id) : api.actionExportTerraform(id)).then(
      (text) => {
        button.disabled = false;
        showExport(name, text, format);
      },
      (err: unknown) => {
        button.disabled = false;
        fail(err);
      },
    );
  });
  return button;
}
