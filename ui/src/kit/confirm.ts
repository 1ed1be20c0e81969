// The inline confirmation under a button that changes something at once: the question, Yes and
// No, hidden until the button is pressed. No (or a finished Yes) hides it again; what Yes does
// is the caller's.
import { h } from "./dom";

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
