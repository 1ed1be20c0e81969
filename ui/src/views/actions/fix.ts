// One-click lint fixes in the editor (FormFix, applied in Rust by actionFix): which template
// field each fix changes, the button drawn beside a problem that has one (worded as what it
// will do), and the line announced once it is applied.
import type { FormFix } from "../../generated/FormFix";
import type { FormProblem } from "../../generated/FormProblem";
import { t } from "../../i18n";
import { h } from "../../kit/dom";

/** The form fields a fix can change: the three templates. */
export const TEMPLATE_FIELDS = ["urlTemplate", "bodyTemplate", "successTemplate"] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** The template `fix` changes (as Rust's apply_fix picks it). */
export function fixField(fix: FormFix): TemplateField {
  switch (fix.kind) {
    case "rename":
      return "successTemplate";
    case "escapeJson":
      return "bodyTemplate";
    case "quiet":
      return fix.field === "bodyTemplate" ? "bodyTemplate" : "urlTemplate";
    case "escapeUrl":
    case "pageSize":
      return "urlTemplate";
  }
}

/** The button's words: what a click will do. */
export function fixLabel(fix: FormFix): string {
  switch (fix.kind) {
    case "rename":
      return t("actions.fix.rename", { name: `$${fix.to}` });
    case "escapeUrl":
      return t("actions.fix.escapeUrl");
    case "escapeJson":
      return t("actions.fix.escapeJson");
    case "quiet":
      return t("actions.fix.quiet");
    case "pageSize":
      return t("actions.fix.pageSize");
  }
}

/** What the live region says once `fix` is in the field. */
export function fixDone(fix: FormFix): string {
  switch (fix.kind) {
    case "rename":
      return t("actions.fix.renameDone", { name: `$${fix.to}` });
    case "escapeUrl":
      return t("actions.fix.escapeUrlDone", { reference: fix.reference });
    case "escapeJson":
      return t("actions.fix.escapeJsonDone", { reference: fix.reference });
    case "quiet":
      return t("actions.fix.quietDone", { reference: fix.reference });
    case "pageSize":
      return t("actions.fix.pageSizeDone");
  }
}

/** The element id of a problem's fix button; `taken` keeps ids unique within one drawing. */
export function fixId(p: FormProblem & { fix: FormFix }, taken: Set<string>): string {
  const base = `action-fix-${p.field.replace(/\./g, "-")}-${p.fix.kind}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The fix button of a problem that has a fix; `apply` gets the fix and the button. */
export function fixButton(p: FormProblem & { fix: FormFix }, id: string, apply: (fix: FormFix, button: HTMLButtonElement) => void): HTMLButtonElement {
  const attrs: Record<string, string> = { type: "button", class: "fix", id, "data-fix": p.fix.kind, "data-field": p.field };
  if ("reference" in p.fix) attrs["data-reference"] = p.fix.reference;
  const button = h("button", attrs, fixLabel(p.fix));
  button.addEventListener("click", () => apply(p.fix, button));
  return button;
}
