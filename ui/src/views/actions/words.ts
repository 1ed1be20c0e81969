// The Data actions screen in plain words: a form problem found in Rust (FormProblem: a rule
// code and the value it names), a test step's name in the user's language, and the hint for a
// failed step (StepHint), e.g. "the success template uses $Presences but the translation map
// defines Presence".
import type { FormProblem } from "../../generated/FormProblem";
import type { StepHint } from "../../generated/StepHint";
import { t } from "../../i18n";

/** The test tool's operations, 1 to 10 (the org may send more; those keep its own name). */
export const STEP_COUNT = 10;

export function problemText(p: FormProblem): string {
  return t(`actions.problem.${p.code}`, { value: p.value ?? "" });
}

/** Step `step` in the user's language; the org's own name when it is not one of the ten. */
export function stepLabel(step: number, orgName: string): string {
  return step >= 1 && step <= STEP_COUNT ? t(`actions.step.${step}`) : orgName;
}

function list(names: string[]): string {
  return names.map((n) => `“${n}”`).join(", ");
}

export function hintText(hint: StepHint): string {
  switch (hint.kind) {
    case "undefinedVariable":
      if (hint.closest) return t("actions.hint.undefinedClose", { variable: `$${hint.variable}`, key: hint.closest });
      if (hint.defined.length === 0) return t("actions.hint.undefinedNoMap", { variable: `$${hint.variable}` });
      return t("actions.hint.undefined", { variable: `$${hint.variable}`, keys: list(hint.defined) });
    case "missingPermission":
      return t("actions.hint.missingPermission", { permissions: hint.permissions.join(", ") });
    case "remoteEndpoint":
      return hint.status ? t("actions.hint.remoteStatus", { status: String(hint.status) }) : t("actions.hint.remote");
    default:
      return t(`actions.hint.${hint.kind}`);
  }
}
