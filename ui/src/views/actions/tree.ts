// A contract as a tree of fields (ContractField): name, type, required, and for an array its
// item type; objects and arrays of objects hold child fields. An input contract is flat and
// simple-typed, so its tree offers no arrays, objects or children. Every change is reported to
// `onChange`; the rules are checked in Rust (actionCheck) and shown by path.
import type { ContractField } from "../../generated/ContractField";
import type { FieldType } from "../../generated/FieldType";
import { t } from "../../i18n";
import { h } from "../../kit/dom";

const SIMPLE: FieldType[] = ["string", "integer", "number", "boolean"];
const ALL: FieldType[] = [...SIMPLE, "array", "object"];

export interface TreeOptions {
  /** The form path of this list, e.g. `inputs` or `outputs.0.children`. */
  path: string;
  /** Input contracts: simple types only, no nesting. */
  flat: boolean;
  disabled: boolean;
  onChange: () => void;
}

/** The element of `root` with id `id`; ids may hold any character a field name has. */
export function byId(root: ParentNode, id: string): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>("[id]")) if (el.id === id) return el;
  return null;
}

/** The element id of a form path (`outputs.0.name` → `action-outputs-0-name`). */
export function pathId(path: string): string {
  return `action-${path.replace(/\./g, "-")}`;
}

function typeSelect(id: string, label: string, value: FieldType, types: FieldType[], disabled: boolean): HTMLSelectElement {
  const select = h("select", { id, "aria-label": label, disabled });
  for (const type of types) select.append(h("option", { value: type, selected: type === value }, t(`actions.type.${type}`)));
  return select;
}

function blank(): ContractField {
  return { name: "", fieldType: "string", required: false, itemType: null, children: [] };
}

function row(fields: ContractField[], index: number, options: TreeOptions, redraw: () => void): HTMLElement {
  const field = fields[index] as ContractField;
  const path = `${options.path}.${index}`;
  const changed = (): void => options.onChange();
  const name = h("input", { id: pathId(`${path}.name`), type: "text", value: field.name, autocomplete: "off", spellcheck: "false", "aria-label": t("actions.tree.name"), "aria-describedby": `${pathId(`${path}.name`)}-error`, disabled: options.disabled });
  name.addEventListener("input", () => {
    field.name = name.value;
    changed();
  });
  const type = typeSelect(pathId(`${path}.fieldType`), t("actions.tree.type"), field.fieldType, options.flat ? SIMPLE : ALL, options.disabled);
  type.addEventListener("change", () => {
    field.fieldType = type.value as FieldType;
    field.itemType = field.fieldType === "array" ? (field.itemType ?? "string") : null;
    if (field.fieldType !== "object" && field.itemType !== "object") field.children = [];
    redraw();
    changed();
  });
  const required = h("input", { id: pathId(`${path}.required`), type: "checkbox", checked: field.required, disabled: options.disabled });
  required.addEventListener("change", () => {
    field.required = required.checked;
    changed();
  });
  const remove = h("button", { type: "button", class: "link-button", id: pathId(`${path}.remove`), disabled: options.disabled }, t("actions.tree.remove"));
  remove.addEventListener("click", () => {
    fields.splice(index, 1);
    redraw();
    changed();
  });
  const parts: (HTMLElement | null)[] = [
    name,
    type,
    field.fieldType === "array"
      ? (() => {
          const items = typeSelect(pathId(`${path}.itemType`), t("actions.tree.itemType"), field.itemType ?? "string", SIMPLE.concat(["object"]), options.disabled);
          items.addEventListener("change", () => {
            field.itemType = items.value as FieldType;
            if (field.itemType !== "object") field.children = [];
            redraw();
            changed();
          });
          return h("span", { class: "tree-items" }, t("actions.tree.of"), " ", items);
        })()
      : null,
    h("label", { class: "choice" }, required, " ", t("actions.tree.required")),
    remove,
  ];
  const nested = field.fieldType === "object" || field.itemType === "object" ? treeEditor(field.children, { ...options, path: `${path}.children` }) : null;
  return h(
    "li",
    { "data-field": field.name },
    h("div", { class: "tree-row" }, ...parts),
    h("p", { class: "field-error", id: `${pathId(`${path}.name`)}-error`, role: "alert" }),
    nested,
  );
}

/** The editor of `fields` (changed in place). */
export function treeEditor(fields: ContractField[], options: TreeOptions): HTMLElement {
  const list = h("ul", { class: "tree", id: pathId(options.path) });
  const add = h("button", { type: "button", id: `${pathId(options.path)}-add`, disabled: options.disabled }, t("actions.tree.add"));
  const redraw = (): void => {
    list.replaceChildren(...fields.map((_, i) => row(fields, i, options, redraw)));
  };
  add.addEventListener("click", () => {
    fields.push(blank());
    redraw();
    options.onChange();
    list.querySelector<HTMLInputElement>("li:last-child input")?.focus();
  });
  redraw();
  return h("div", { class: "tree-editor" }, list, add);
}

/** The simple-typed top-level fields of a contract, as `name (type)` for the URL helper. */
export function fieldLabel(field: ContractField): string {
  return `${field.name} (${t(`actions.type.${field.fieldType}`)})`;
}
