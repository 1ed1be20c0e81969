// Where the form's roles or scopes picker goes: loaded from Genesys the first time it is needed
// (a status line meanwhile), kept once built; a failed load shows its error and may be retried.
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";

export interface PickerSlot<P> {
  slot: HTMLElement;
  /** Starts loading, unless it is loaded or loading already. */
  load: () => void;
  /** The picker, once built. */
  picker: () => P | null;
}

export function pickerSlot<P extends { root: HTMLElement }>(id: string, loadingKey: string, build: () => Promise<P>): PickerSlot<P> {
  const slot = h("div", { id });
  let picker: P | null = null;
  const load = (): void => {
    if (picker || slot.dataset.loading) return;
    slot.dataset.loading = "1";
    slot.replaceChildren(h("p", { class: "hint", role: "status" }, t(loadingKey)));
    build().then(
      (built) => {
        picker = built;
        slot.replaceChildren(built.root);
      },
      (err) => {
        delete slot.dataset.loading;
        slot.replaceChildren(errorPanel(err));
      },
    );
  };
  return { slot, load, picker: () => picker };
}
