// Exporting one data action: its JSON as the admin UI exports it (the draft if there is one,
// else the published action), written in Rust, shown read-only in a dialog with Copy (or, where
// the clipboard refuses, the text selected for Ctrl+C) and a download named after the action.
import type { ActionsApi } from "../../api";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { openModal } from "../../kit/modal";

/** A file name from an action's name: characters no file system takes become "_". */
export function exportFileName(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "_").trim();
  return `${safe || "action"}.json`;
}

function downloadHref(text: string): { href: string; release: () => void } {
  const blob = new Blob([text], { type: "application/json" });
  if (typeof URL.createObjectURL === "function") {
    const href = URL.createObjectURL(blob);
    return { href, release: () => URL.revokeObjectURL(href) };
  }
  return { href: `data:application/json;charset=utf-8,${encodeURIComponent(text)}`, release: () => undefined };
}

/** The dialog with the exported text of the action named `name`. */
export function showExport(name: string, text: string): void {
  const download = downloadHref(text);
  const modal = openModal("action-export-dialog", t("actions.export.title", { name }), () => close());
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
  const save = h("a", { class: "button secondary", id: "action-export-download", href: download.href, download: exportFileName(name) }, t("actions.export.download"));
  const done = h("button", { type: "button", id: "action-export-close" }, t("actions.export.close"));
  done.addEventListener("click", close);
  modal.body.append(h("p", { class: "hint" }, t("actions.export.intro")), h("label", { for: "action-export-text" }, t("actions.export.label")), area, status);
  modal.actions.append(copy, " ", save, " ", done);
}

/** The Export button of an action's page; a failure goes to `fail`. */
export function exportButton(id: string, name: string, api: Pick<ActionsApi, "actionExport">, fail: (err: unknown) => void): HTMLButtonElement {
  const button = h("button", { type: "button", id: "action-export" }, t("actions.export.button"));
  button.addEventListener("click", () => {
    button.disabled = true;
    api.actionExport(id).then(
      (text) => {
        button.disabled = false;
        showExport(name, text);
      },
      (err: unknown) => {
        button.disabled = false;
        fail(err);
      },
    );
  });
  return button;
}
