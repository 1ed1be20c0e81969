// The preview's sample kept with a saved action on this computer (actionSampleKept and
// actionSampleKeep; Rust writes it under the app's data folder): read back when the action is
// opened, written again after a short pause in each change, forgotten when the field is
// emptied. A new action has no id yet and keeps nothing. Also the words for a drafted sample.
import type { ActionsApi } from "../../api";
import type { KeptSample } from "../../generated/KeptSample";
import type { SampleDraft } from "../../generated/SampleDraft";
import type { SampleSource } from "../../generated/SampleSource";
import { t } from "../../i18n";
import { h } from "../../kit/dom";
import { dateTime } from "../../kit/format";

/** How long a change rests before the sample is kept (one write per pause, not per key). */
export const KEEP_AFTER_MS = 800;

const SOURCE_KEYS: Record<SampleSource, string> = {
  captured: "actions.preview.sourceCaptured",
  pasted: "actions.preview.sourcePasted",
  drafted: "actions.preview.sourceDrafted",
};

export interface SampleKeeperDeps {
  api: Pick<ActionsApi, "actionSampleKept" | "actionSampleKeep">;
  actionId: string | null;
  later: (fn: () => void, ms: number) => number;
  /** The sample's text as it stands. */
  text: () => string;
}

export interface SampleKeeper {
  /** What is kept, said in the card (empty for a new action). */
  note: HTMLElement;
  /** The sample changed, from `source`: keep it after the pause. */
  changed: (source: SampleSource) => void;
  /** The kept sample's text, or null when none is kept (or the action is new). */
  restore: () => Promise<string | null>;
  /** Where the sample last came from. */
  source: () => SampleSource;
}

function keptText(kept: KeptSample): string {
  return t("actions.preview.kept", { date: dateTime(new Date(kept.savedAt * 1000).toISOString()), source: t(SOURCE_KEYS[kept.source]) });
}

export function sampleKeeper(deps: SampleKeeperDeps): SampleKeeper {
  const note = h("p", { class: "hint", id: "action-preview-kept" }, deps.actionId ? t("actions.preview.keptHint") : "");
  let ticket = 0;
  let source: SampleSource = "pasted";
  const keep = async (mine: number): Promise<void> => {
    if (mine !== ticket || !deps.actionId) return;
    const text = deps.text();
    try {
      const kept = await deps.api.actionSampleKeep(deps.actionId, text, source);
      if (mine === ticket) note.textContent = kept ? t("actions.preview.keptNow") : t("actions.preview.forgotten");
    } catch {
      // Keeping is a convenience: the sample stays in the field, and the next change tries again.
      if (mine === ticket) note.textContent = t("actions.preview.keptHint");
    }
  };
  return {
    note,
    source: () => source,
    changed: (from) => {
      source = from;
      if (!deps.actionId) return;
      const mine = ++ticket;
      deps.later(() => void keep(mine), KEEP_AFTER_MS);
    },
    restore: async () => {
      if (!deps.actionId) return null;
      const asked = ticket;
      try {
        const kept = await deps.api.actionSampleKept(deps.actionId);
        if (kept === null || asked !== ticket) return null;
        source = kept.source;
        note.textContent = keptText(kept);
        return kept.sample;
      } catch {
        return null;
      }
    },
  };
}

/** What a draft answer says: where it came from, or why there is none. */
export function draftNote(answer: SampleDraft, method: string): string {
  if (answer.kind === "drafted") {
    return answer.model ? t("actions.preview.draftedModel", { method, path: answer.path, model: answer.model }) : t("actions.preview.drafted", { method, path: answer.path });
  }
  const path = answer.path ?? "";
  switch (answer.reason) {
    case "builtFromInput":
      return t("actions.preview.draftBuiltFromInput");
    case "notPlatformApi":
      return t("actions.preview.draftNotPlatformApi");
    case "unknownEndpoint":
      return t("actions.preview.draftUnknownEndpoint", { method, path });
    case "noModel":
      return t("actions.preview.draftNoModel", { method, path });
  }
}
