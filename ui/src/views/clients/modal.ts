// A modal dialog for the clients screen (consent, delete, the secret): labelled, focus moved
// in and kept inside, Escape cancels when allowed, focus returned on close. It is attached to
// <body>, outside the re-rendered app, and removed from the DOM when it closes.
import { h } from "../../dom";

export interface Modal {
  root: HTMLElement;
  body: HTMLElement;
  actions: HTMLElement;
  close: () => void;
}

const FOCUSABLE = "button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href]";

export function openModal(id: string, title: string, onEscape: (() => void) | null): Modal {
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const heading = h("h2", { id: `${id}-title` }, title);
  const body = h("div", { class: "modal-body" });
  const actions = h("div", { class: "modal-actions" });
  const box = h(
    "div",
    { class: "modal", role: "dialog", "aria-modal": "true", "aria-labelledby": `${id}-title`, id, tabindex: "-1" },
    heading,
    body,
    actions,
  );
  const root = h("div", { class: "modal-backdrop" }, box);
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && onEscape) {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== "Tab") return;
    const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  document.body.append(root);
  queueMicrotask(() => (box.querySelector<HTMLElement>(FOCUSABLE) ?? box).focus());
  const close = (): void => {
    root.remove();
    if (returnTo?.isConnected) returnTo.focus();
  };
  return { root, body, actions, close };
}
