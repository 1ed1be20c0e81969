// Modal dialogs: labelled, focus moved in and kept inside, Escape cancels when allowed, focus
// returned on close; attached to <body>, outside the re-rendered app, and removed from the DOM
// when they close. askInModal is the one consent dialog: it asks, then runs the action inside
// the dialog until it succeeds (the dialog closes) or fails (the error is shown, ask again).
import { errorPanel } from "./errors";
import { h } from "./dom";

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

export interface Consent<T> {
  id: string;
  title: string;
  /** What the dialog says before the buttons; the error line comes after it. */
  body: Node[];
  yes: { id: string; label: string; kind: "primary" | "danger" };
  no: { id: string; label: string };
  /** Runs after Yes, while the dialog stays open and cannot be dismissed. */
  act: () => Promise<T>;
  /** Shows (true) or clears (false) what the dialog says while `act` runs. */
  busy: (running: boolean) => void;
  /** For what cannot be undone: No comes first and has the focus (also after a failed Yes),
   *  and the dialog is styled `destructive`. */
  cancelFirst?: boolean;
}

/** Asks first; resolves with what `act` gave, or null when the user said no. */
export function askInModal<T>(consent: Consent<T>): Promise<T | null> {
  return new Promise((resolve) => {
    let running = false;
    const modal = openModal(consent.id, consent.title, () => {
      if (running) return;
      modal.close();
      resolve(null);
    });
    const problems = h("div", { class: "errors" });
    const yes = h("button", { type: "button", class: consent.yes.kind, id: consent.yes.id }, consent.yes.label);
    const no = h("button", { type: "button", id: consent.no.id }, consent.no.label);
    modal.body.append(...consent.body, problems);
    if (consent.cancelFirst) {
      modal.root.classList.add("destructive");
      modal.actions.append(no, yes);
      // Focused once openModal has moved focus in (also a microtask).
      queueMicrotask(() => no.focus());
    } else {
      modal.actions.append(yes, " ", no);
    }
    no.addEventListener("click", () => {
      modal.close();
      resolve(null);
    });
    yes.addEventListener("click", () => {
      running = true;
      yes.disabled = true;
      no.disabled = true;
      problems.replaceChildren();
      consent.busy(true);
      consent.act().then(
        (result) => {
          modal.close();
          resolve(result);
        },
        (err) => {
          running = false;
          yes.disabled = false;
          no.disabled = false;
          consent.busy(false);
          problems.replaceChildren(errorPanel(err));
          if (consent.cancelFirst) no.focus();
        },
      );
    });
  });
}
