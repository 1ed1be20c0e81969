// The editor's translation map: one row per variable (key, JSONPath, default, Remove) and Add.
// It remembers the row last focused, so the preview can put a path picked in its sample tree
// into that row (the first one, or a new one, when none was), and each row carries an empty
// slot where the preview says what the row's path finds in the sample.
import type { TranslationRow } from "../../generated/TranslationRow";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { pathId } from "./tree";

/** A row of the map and the slot drawn beside it for the preview. */
export interface RowSlot {
  row: TranslationRow;
  slot: HTMLElement;
}

export interface TranslationEditor {
  root: HTMLElement;
  /** Every row with its preview slot, in the map's order. */
  slots: () => RowSlot[];
  /** The row last focused while still in the map, else null. */
  focused: () => TranslationRow | null;
  /** Writes `path` into the focused row (the first one when none was focused, a new one when
   * the map is empty), focuses the field to finish and reports the change. */
  usePath: (path: string) => void;
}

export interface TranslationHooks {
  changed: () => void;
  /** After the rows are drawn again (a row added or removed): their slots are new. */
  redrawn?: () => void;
  /** A row got the focus, or its path changed while focused. */
  focus?: () => void;
}

export function translationEditor(rows: TranslationRow[], disabled: boolean, hooks: TranslationHooks): TranslationEditor {
  const list = h("ul", { class: "tree", id: "action-translation" });
  let drawn: { row: TranslationRow; slot: HTMLElement; key: HTMLInputElement; path: HTMLInputElement }[] = [];
  let last: TranslationRow | null = null;
  const changed = hooks.changed;
  const redraw = (): void => {
    drawn = [];
    list.replaceChildren(
      ...rows.map((row, i) => {
        const at = (part: string): string => pathId(`translation.${i}.${part}`);
        const key = h("input", { id: at("key"), type: "text", value: row.key, "aria-label": t("actions.response.key"), "aria-describedby": `${at("key")}-error`, disabled });
        const path = h("input", { id: at("path"), type: "text", value: row.path, class: "mono wide", "aria-label": t("actions.response.path"), "aria-describedby": `${at("path")}-error`, disabled });
        const fallback = h("input", { id: at("default"), type: "text", value: row.default ?? "", class: "mono", "aria-label": t("actions.response.default"), "aria-describedby": `${at("default")}-error`, disabled });
        key.addEventListener("input", () => ((row.key = key.value), changed()));
        path.addEventListener("input", () => ((row.path = path.value), changed(), hooks.focus?.()));
        fallback.addEventListener("input", () => ((row.default = fallback.value === "" ? null : fallback.value), changed()));
        const remove = h("button", { type: "button", class: "link-button", disabled }, t("actions.tree.remove"));
        remove.addEventListener("click", () => {
          rows.splice(i, 1);
          if (last === row) last = null;
          redraw();
          changed();
        });
        const errors = ["key", "path", "default"].map((p) => h("p", { class: "field-error", id: `${at(p)}-error`, role: "alert" }));
        const slot = h("p", { class: "preview-row", "data-preview-row": row.key.trim() });
        drawn.push({ row, slot, key, path });
        const item = h("li", { "data-key": row.key }, h("div", { class: "tree-row" }, key, path, fallback, remove), ...errors, slot);
        item.addEventListener("focusin", () => {
          last = row;
          hooks.focus?.();
        });
        return item;
      }),
    );
    hooks.redrawn?.();
  };
  const add = h("button", { type: "button", id: "action-translation-add", disabled }, t("actions.response.add"));
  add.addEventListener("click", () => (rows.push({ key: "", path: "$.", default: null }), redraw(), changed()));
  redraw();

  const usePath = (path: string): void => {
    let row = last && rows.includes(last) ? last : (rows[0] ?? null);
    if (!row) {
      row = { key: "", path, default: null };
      rows.push(row);
      redraw();
    }
    row.path = path;
    const target = drawn.find((d) => d.row === row);
    if (target) {
      target.path.value = path;
      // A new row still needs its variable's name: the cursor goes there.
      (row.key.trim() === "" ? target.key : target.path).focus();
    }
    last = row;
    changed();
    hooks.focus?.();
  };

  const root = h(
    "div",
    { class: "field" },
    h("span", { class: "field-label" }, t("actions.response.map")),
    h("p", { class: "hint" }, t("actions.response.mapHint")),
    h("p", { class: "hint tree-columns", "aria-hidden": "true" }, `${t("actions.response.key")} · ${t("actions.response.path")} · ${t("actions.response.default")}`),
    list,
    add,
  );
  return { root, slots: () => drawn.map(({ row, slot }) => ({ row, slot })), focused: () => (last && rows.includes(last) ? last : null), usePath };
}
