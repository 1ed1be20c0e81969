// Exporting one data action (the draft if there is one, else the published action), written in
// Rust: as the admin UI's JSON, or as a Terraform file for the genesyscloud provider; and a whole
// integration (its client, roles, credential, integration and actions) as one Terraform file.
// Shown read-only in a dialog with Copy (or, where the clipboard refuses, the text selected for
// Ctrl+C) and a download named after the action or the integration.
import type { ActionsApi } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { openModal } from "../../kit/modal";

/** The two shapes an action is exported in. */
export type ExportFormat = "json" | "terraform";

const EXTENSION: Record<ExportFormat, string> = { json: "json", terraform: "tf" };
const MIME: Record<ExportFormat, string> = { json: "application/json", terraform: "text/plain" };

/** A file name from an action's (or an integration's) name: characters no file system takes
 *  become "_"; an empty name becomes `fallback`. */
export function exportFileName(name: string, format: ExportFormat = "json", fallback = "action"): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "_").trim();
  return `${safe || fallback}.${EXTENSION[format]}`;
}

/** What the dialog says around the text: its heading, the line above and the text's label. */
export interface ExportWording {
  title: string;
  intro: string;
  label: string;
}

function actionWording(name: string, format: ExportFormat): ExportWording {
  return format === "json"
    ? { title: t("actions.export.title", { name }), intro: t("actions.export.intro"), label: t("actions.export.label") }
    : { title: t("actions.export.terraformTitle", { name }), intro: t("actions.export.terraformIntro"), label: t("actions.export.terraformLabel") };
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
  showExportText(text, { fileName: exportFileName(name, format), format, wording: actionWording(name, format) });
}

/** The export dialog for any exported text, downloaded as `fileName`. */
export function showExportText(text: string, shown: { fileName: string; format: ExportFormat; wording: ExportWording }): void {
  const download = downloadHref(text, shown.format);
  const modal = openModal("action-export-dialog", shown.wording.title, () => close());
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
  const save = h("a", { class: "button secondary", id: "action-export-download", href: download.href, download: shown.fileName }, t("actions.export.download"));
  const done = h("button", { type: "button", id: "action-export-close" }, t("actions.export.close"));
  done.addEventListener("click", close);
  modal.body.append(h("p", { class: "hint" }, shown.wording.intro), h("label", { for: "action-export-text" }, shown.wording.label), area, status);
  modal.actions.append(copy, " ", save, " ", done);
}

/** Makes `button` fetch a text on click (disabled meanwhile), then show it or hand the error to `fail`. */
function exportOnClick(button: HTMLButtonElement, load: () => Promise<string>, show: (text: string) => void, fail: (err: unknown) => void): HTMLButtonElement {
  button.addEventListener("click", () => {
    button.disabled = true;
    load().then(
      (text) => {
        button.disabled = false;
        show(text);
      },
      (err: unknown) => {
        button.disabled = false;
        fail(err);
      },
    );
  });
  return button;
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
  const load = (): Promise<string> => (format === "json" ? api.actionExport(id) : api.actionExportTerraform(id));
  return exportOnClick(button, load, (text) => showExport(name, text, format), fail);
}

/** The list's Export as Terraform of a whole integration; a failure goes to `fail`. */
export function integrationExportButton(
  integration: { id: string; name: string },
  api: Pick<ActionsApi, "integrationExportTerraform">,
  fail: (err: unknown) => void,
): HTMLButtonElement {
  // The block's heading (the integration's name) tells one integration's button from the next.
  const button = h("button", { type: "button", id: `actions-export-terraform-${integration.id}`, "aria-describedby": `actions-of-${integration.id}` }, t("actions.export.integrationButton"));
  const wording: ExportWording = { title: t("actions.export.integrationTitle", { name: integration.name }), intro: t("actions.export.integrationIntro"), label: t("actions.export.terraformLabel") };
  const show = (text: string): void => showExportText(text, { fileName: exportFileName(integration.name, "terraform", "integration"), format: "terraform", wording });
  return exportOnClick(button, () => api.integrationExportTerraform(integration.id), show, fail);
}
