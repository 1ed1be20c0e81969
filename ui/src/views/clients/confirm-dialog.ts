// The one confirmation for something destructive: a modal that names the objects it will
// change, says what follows for each consequence, and keeps Cancel first and focused, so Enter
// or Escape never destroys anything. Confirm runs the action inside the dialog; a failure is
// shown there and the question stays open. Generic (no screen's strings or imports), so it
// can move to kit/ as is.
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { openModal } from "../../kit/modal";

export interface DestructiveConfirm<T> {
  /** The dialog's id; its buttons are `<id>-yes` and `<id>-no`. */
  id: string;
  title: string;
  /** The objects affected, each named as the user knows it. */
  objects: string[];
  /** What happens once confirmed, one sentence or block each. */
  consequences: (Node | string)[];
  confirm: string;
  cancel: string;
  /** Said while `act` runs. */
  busy: string;
  act: () => Promise<T>;
}

/** Resolves with what `act` gave, or null when the user cancelled (button or Escape). */
export function confirmDestructive<T>(ask: DestructiveConfirm<T>): Promise<T | null> {
  return new Promise((resolve) => {
    let running = false;
    const modal = openModal(ask.id, ask.title, () => {
      if (running) return;
      modal.close();
      resolve(null);
    });
    modal.root.classList.add("destructive");
    const status = h("p", { class: "status", role: "status", id: `${ask.id}-status` });
    const problems = h("div", { class: "errors" });
    const no = h("button", { type: "button", id: `${ask.id}-no` }, ask.cancel);
    const yes = h("button", { type: "button", class: "danger", id: `${ask.id}-yes` }, ask.confirm);
    modal.body.append(
      h("ul", { class: "confirm-objects", id: `${ask.id}-objects` }, ...ask.objects.map((name) => h("li", {}, h("strong", {}, name)))),
      ...ask.consequences.map((c) => (typeof c === "string" ? h("p", {}, c) : c)),
      status,
      problems,
    );
    modal.actions.append(no, yes);
    // Cancel is the default: focused once the dialog has moved focus in.
    queueMicrotask(() => no.focus());
    no.addEventListener("click", () => {
      modal.close();
      resolve(null);
    });
    yes.addEventListener("click", () => {
      running = true;
      yes.disabled = true;
      no.disabled = true;
      problems.replaceChildren();
      status.textContent = ask.busy;
      ask.act().then(
        (result) => {
          modal.close();
          resolve(result);
        },
        (err: unknown) => {
          running = false;
          yes.disabled = false;
          no.disabled = false;
          status.textContent = "";
          problems.replaceChildren(errorPanel(err));
          no.focus();
        },
      );
    });
  });
}
