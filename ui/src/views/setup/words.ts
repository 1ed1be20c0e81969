// The guided setup in plain words: each planned change as a sentence in the user's language
// (the plan preview), each step's short name and a duration (the live progress, progress.ts).
import type { PlannedStep } from "../../generated/PlannedStep";
import type { QueueChoice } from "../../generated/QueueChoice";
import type { StepKind } from "../../generated/StepKind";
import { currentLanguage, t } from "../../i18n";
import { h } from "../../kit/dom";

/** The integration tile the setup installs (a product name: not translated). */
const PRODUCT = "Genesys Cloud Data Actions";

function hours(seconds: number | null): string {
  const value = (seconds ?? 86_400) / 3600;
  return new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: 2 }).format(value);
}

/** One plan line, e.g. "Create the OAuth client “Data Actions client” (…) with the role …". */
export function planSentence(step: PlannedStep, installed: number, limit: number, queues: QueueChoice[] = []): string {
  const subject = step.subject ?? "";
  switch (step.kind) {
    case "preflight":
      return t("setup.plan.preflight", { used: String(installed), limit: String(limit) });
    case "createClient": {
      const grants = step.grants.map((g) => t("setup.plan.grant", { role: g.role, division: g.division })).join(t("setup.plan.and"));
      return t("setup.plan.createClient", { name: subject, hours: hours(step.tokenDurationSeconds), grants });
    }
    case "installIntegration":
      // Installed under the tile's own name, the sentence names it once.
      if (subject === PRODUCT) return t("setup.plan.installIntegrationAsIs");
      return t("setup.plan.installIntegration", { name: subject });
    case "createCredential":
      return t("setup.plan.createCredential", { name: subject });
    case "createAction":
      return t("setup.plan.createAction", { name: subject });
    case "testAction":
      // The plan names the queue by id: the form's queues give its name.
      if (step.subject === null) return t("setup.plan.testActionSkipped");
      return t("setup.plan.testAction", { queue: queues.find((q) => q.id === step.subject)?.name ?? subject });
    default:
      return t(`setup.plan.${step.kind}`);
  }
}

export function planList(steps: PlannedStep[], installed: number, limit: number, queues: QueueChoice[] = []): HTMLElement {
  return h(
    "ol",
    { class: "plan", id: "setup-plan-list" },
    ...steps.map((s) => h("li", { "data-step": s.kind, class: s.kind === "enableIntegration" ? "plan-highlight" : undefined }, planSentence(s, installed, limit, queues))),
  );
}

export function stepName(kind: StepKind): string {
  return t(`setup.step.${kind}`);
}

export function duration(ms: number | null): string {
  if (ms === null) return "";
  if (ms < 1000) return t("setup.millis", { ms: String(Math.round(ms)) });
  return t("setup.seconds", { seconds: new Intl.NumberFormat(currentLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000) });
}
