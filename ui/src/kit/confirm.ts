// Asking first. inlineConfirm: the question under a button that changes something at once, Yes
// and No, hidden until the button is pressed; No (or a finished Yes) hides it again.
// confirmDestructive: the one dialog for deleting, resetting or rolling back, naming what is lost
// (client and integration delete, roll back, the Sandbox reset), built on the kit's modal.
import { h } from "./dom";
import { askInModal } from "./modal";

export interface InlineConfirm {
  box: HTMLElement;
  yes: HTMLButtonElement;
  no: HTMLButtonElement;
  /** Hides the question again (and shows the button, if it was hidden). */
  close: () => void;
}

export interface InlineConfirmText {
  /** The action's id: the box is `<id>-confirm`, its buttons `<id>-yes` and `<id>-no`. */
  id: string;
  question: string;
  yes: string;
  no: string;
  /** Which button has the focus when the question opens (No for what cannot be undone). */
  focus: "yes" | "no";
  /** The button is hidden while its question is shown. */
  hideTrigger?: boolean;
}

export function inlineConfirm(trigger: HTMLButtonElement, text: InlineConfirmText): InlineConfirm {
  const yes = h("button", { type: "button", class: "danger", id: `${text.id}-yes` }, text.yes);
  const no = h("button", { type: "button", id: `${text.id}-no` }, text.no);
  const box = h("div", { class: "confirm", id: `${text.id}-confirm`, hidden: true }, h("p", {}, text.question), yes, " ", no);
  const close = (): void => {
    box.hidden = true;
    if (text.hideTrigger) trigger.hidden = false;
  };
  trigger.addEventListener("click", () => {
    box.hidden = false;
    if (text.hideTrigger) trigger.hidden = true;
    (text.focus === "yes" ? yes : no).focus();
  });
  no.addEventListener("click", () => {
    close();
    if (text.focus === "no") trigger.focus();
  });
  return { box, yes, no, close };
}

export interface DestructiveConfirm<T> {
  /** The dialog's id; its buttons are `<id>-yes` and `<id>-no`, its status line `<id>-status`. */
  id: string;
  /** The question, naming the action ("Reset the Sandbox org?"). */
  title: string;
  /** A sentence before the list of objects ("Everything you made in it is deleted:"). */
  lead?: string;
  /** The objects affected, each named as the user knows it. */
  objects: string[];
  /** What happens once confirmed, one sentence or block each. */
  consequences: (Node | string)[];
  confirm: string;
  cancel: string;
  /** Said while `act` runs. */
  busy: string;
  /** Runs after Confirm with the dialog still open; a failure is shown in it, and Confirm can be pressed again. */
  act: () => Promise<T>;
}

/** The one confirmation for what cannot be undone: a modal that names the objects and what
 *  follows, with Cancel first and focused, so Enter or Escape never destroys anything. Resolves
 *  with what `act` gave, or null when the user cancelled (button or Escape). */
export function confirmDestructive<T>(ask: DestructiveConfirm<T>): Promise<T | null> {
  const status = h("p", { class: "status", role: "status", id: `${ask.id}-status` });
  return askInModal({
    id: ask.id,
    title: ask.title,
    body: [
      ...(ask.lead ? [h("p", {}, ask.lead)] : []),
      h("ul", { class: "confirm-objects", id: `${ask.id}-objects` }, ...ask.objects.map((name) => h("li", {}, h("strong", {}, name)))),
      ...ask.consequences.map((c) => (typeof c === "string" ? h("p", {}, c) : c)),
      status,
    ],
    yes: { id: `${ask.id}-yes`, label: ask.confirm, kind: "danger" },
    no: { id: `${ask.id}-no`, label: ask.cancel },
    act: ask.act,
    busy: (running) => (status.textContent = running ? ask.busy : ""),
    cancelFirst: true,
  });
}
