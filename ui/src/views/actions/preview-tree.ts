// The preview's sample response as a tree: every value a button holding its JSONPath (member
// names that are not identifiers in brackets, `['a b']`), containers folded open, at most
// MAX_TREE_NODES values drawn (the rest counted). Also the path helpers: every `[N]` turned to
// `[*]`, and the tree's values that a simple path (names, indexes, `*`) would find marked.
// JSON is parsed here only to draw it; what a path really finds is Rust's answer.
import { currentLanguage, t } from "../../i18n";
import { h } from "../../kit/dom";
import { countLabel } from "../../kit/plural";

/** How many values the tree draws at most. */
export const MAX_TREE_NODES = 2000;
/** Deeper than this, a container is drawn folded to one button. */
const MAX_DEPTH = 64;
/** A value's text is cut past this many characters (its path stays whole). */
const MAX_TEXT = 120;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A bracketed name (skipped whole) or an index. */
const SEGMENT = /\['(?:[^'\\]|\\.)*'\]|\[\d+\]/g;
const ANY_SEGMENT = String.raw`(?:\.[A-Za-z_][A-Za-z0-9_]*|\['(?:[^'\\]|\\.)*'\]|\[\d+\])`;

/** The path of member `name` under `parent`. */
export function memberPath(parent: string, name: string): string {
  return IDENTIFIER.test(name) ? `${parent}.${name}` : `${parent}['${name.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
}

/** `path` with every index `[N]` written `[*]` (names in brackets kept as they are). */
export function withWildcards(path: string): string {
  return path.replace(SEGMENT, (s) => (s.startsWith("['") ? s : "[*]"));
}

export function hasIndex(path: string): boolean {
  return withWildcards(path) !== path;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A pattern matching the tree paths that `path` finds, when it uses only names, indexes and
 * wildcards; null for anything else (filters, slices, `..`, functions). */
export function pathPattern(path: string): RegExp | null {
  const p = path.trim();
  if (!p.startsWith("$")) return null;
  let source = "";
  const token = /\.\*|\[\*\]|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]|\.([^.[\]\s]+)/y;
  token.lastIndex = 1;
  while (token.lastIndex < p.length) {
    const at = token.lastIndex;
    const m = token.exec(p);
    if (!m || m.index !== at) return null;
    const [whole, index, single, double, name] = m;
    if (whole === ".*" || whole === "[*]") source += ANY_SEGMENT;
    else if (index !== undefined) source += escapeRegExp(`[${Number(index)}]`);
    else {
      const quoted = single ?? double;
      const member = quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : (name as string);
      source += escapeRegExp(memberPath("", member));
    }
  }
  return new RegExp(`^\\$${source}$`);
}

/** Marks the tree's values that `path` would find; returns how many. */
export function highlight(tree: ParentNode, path: string | null): number {
  const pattern = path ? pathPattern(path) : null;
  let found = 0;
  for (const button of tree.querySelectorAll<HTMLButtonElement>("button.tree-value")) {
    const match = pattern !== null && pattern.test(button.dataset.path ?? "");
    button.classList.toggle("tree-match", match);
    if (match) found++;
  }
  return found;
}

/** How many values `value` holds, itself included (counted without recursion). */
function countNodes(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    count++;
    if (v !== null && typeof v === "object") for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
  }
  return count;
}

function valueText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function containerText(value: object): string {
  return Array.isArray(value) ? countLabel(value.length, "actions.preview.itemsOne", "actions.preview.items") : countLabel(Object.keys(value).length, "actions.preview.fieldsOne", "actions.preview.fields");
}

/** The tree of `sample` (parsed JSON); a click on a value gives `pick` its path. */
export function sampleTree(sample: unknown, pick: (path: string) => void): HTMLElement {
  let budget = MAX_TREE_NODES;
  const button = (path: string, text: string): HTMLButtonElement => {
    const b = h("button", { type: "button", class: "tree-value mono", "data-path": path, title: path }, text);
    b.addEventListener("click", () => pick(path));
    return b;
  };
  const node = (label: string | null, value: unknown, path: string, depth: number): HTMLElement | null => {
    if (budget <= 0) return null;
    budget--;
    const key = label === null ? null : h("span", { class: "tree-key mono" }, label);
    if (value === null || typeof value !== "object") return h("li", {}, key, key ? ": " : null, button(path, valueText(value)));
    // A summary may hold no control (it is one itself): the container's own button follows it.
    const head = h("summary", {}, key ?? h("span", { class: "tree-key mono" }, "$"));
    const entries: [string, unknown, string][] = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v, `${path}[${i}]`])
      : Object.entries(value).map(([name, v]) => [name, v, memberPath(path, name)]);
    const children = h("ul", { class: "sample-tree-children" });
    if (depth < MAX_DEPTH) {
      for (const [childLabel, child, childPath] of entries) {
        const drawn = node(childLabel, child, childPath, depth + 1);
        if (!drawn) break;
        children.append(drawn);
      }
    }
    return h("li", {}, h("details", { open: true }, head, button(path, containerText(value)), children));
  };
  const top = node(null, sample, "$", 0);
  const total = countNodes(sample);
  const shown = MAX_TREE_NODES - budget;
  const left = total - shown;
  const number = new Intl.NumberFormat(currentLanguage());
  return h(
    "div",
    { class: "sample-tree" },
    h("ul", { class: "sample-tree-children", id: "action-preview-tree", "data-nodes": String(shown) }, top),
    left > 0 ? h("p", { class: "hint", id: "action-preview-tree-cut" }, t(left === 1 ? "actions.preview.treeCutOne" : "actions.preview.treeCut", { shown: number.format(shown), count: number.format(left) })) : null,
  );
}
