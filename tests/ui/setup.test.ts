// The guided setup's screen: the prefilled form with problems beside their fields,
// the plan preview in plain words per step and language, live progress from the run's channel
// ("Step n of m", the parallel install tagged, times behind Details, "Not needed" after a roll
// back), the summary, and an unfinished run offered Resume (the default) or Roll back in a
// warning that names what a roll back deletes.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SetupForm } from "../../ui/src/generated/SetupForm";
import type { SetupPlan } from "../../ui/src/generated/SetupPlan";
import type { SetupRequest } from "../../ui/src/generated/SetupRequest";
import type { SetupRunView } from "../../ui/src/generated/SetupRunView";
import type { StepView } from "../../ui/src/generated/StepView";
import { setLanguage, t } from "../../ui/src/i18n";
import { readFileSync } from "node:fs";
import path from "node:path";
import { toCommandError } from "../../ui/src/kit/errors";
import { dateTime } from "../../ui/src/kit/format";
import { offerUnfinishedSetup } from "../../ui/src/views/setup/screen";
import { setupView } from "../../ui/src/views/setup/view";
import { fakeIntegrationsApi } from "./integrations-fake";

const form: SetupForm = {
  suggestedRoleId: "queue-viewer",
  homeDivisionId: "home",
  roles: [
    { id: "admin", name: "Admin", permissionCount: 900 },
    { id: "queue-viewer", name: "Queue viewer", permissionCount: 3 },
  ],
  divisions: [{ id: "home", name: "Home" }],
  installed: 2,
  limit: 10,
  secretPersists: true,
  queues: [
    { id: "q-sales", name: "Sales", memberCount: 4 },
    { id: "q-support", name: "Support", memberCount: 2 },
  ],
  unreadableJournals: [],
};

/** What the form sends as it opens, in English: the core's `SetupRequest`. */
const request: SetupRequest = {
  clientName: "Data Actions client",
  clientDescription: "",
  tokenDurationSeconds: "",
  roleDivisions: [{ roleId: "queue-viewer", divisionId: "home" }],
  credentialName: "Data Actions client credential",
  integrationName: "Genesys Cloud Data Actions",
  action: { name: "Get queue presences", queueId: "q-sales" },
};

const plan: SetupPlan = {
  steps: [
    { kind: "preflight", subject: null, grants: [], tokenDurationSeconds: null },
    { kind: "createClient", subject: "Data Actions client", grants: [{ role: "Queue viewer", division: "Home" }], tokenDurationSeconds: 86400 },
    { kind: "storeSecret", subject: null, grants: [], tokenDurationSeconds: null },
    { kind: "verifySecret", subject: null, grants: [], tokenDurationSeconds: null },
    { kind: "createCredential", subject: "Data Actions client credential", grants: [], tokenDurationSeconds: null },
    { kind: "installIntegration", subject: "Genesys Cloud Data Actions", grants: [], tokenDurationSeconds: null },
    { kind: "configureIntegration", subject: null, grants: [], tokenDurationSeconds: null },
    { kind: "enableIntegration", subject: null, grants: [], tokenDurationSeconds: null },
    { kind: "waitForActive", subject: null, grants: [], tokenDurationSeconds: null },
    { kind: "createAction", subject: "Get queue presences", grants: [], tokenDurationSeconds: null },
    { kind: "testAction", subject: "q-sales", grants: [], tokenDurationSeconds: null },
    { kind: "publishAction", subject: null, grants: [], tokenDurationSeconds: null },
  ],
};

function step(kind: StepView["kind"], status: StepView["status"], durationMs: number | null = null, note: string | null = null): StepView {
  return { kind, status, durationMs, note, error: null };
}

function run(phase: SetupRunView["phase"], steps: StepView[], created: SetupRunView["created"] = []): SetupRunView {
  return { runId: "0123456789abcdef", phase, steps, created, secretReissued: false, secretSaved: true, error: null, unreadableJournals: [], stoppedAt: null };
}

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

async function openPlan(language: "en" | "es" | "pt-BR") {
  setLanguage(language);
  const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve(form), setupPlan: () => Promise.resolve(plan) });
  const el = setupView({ api });
  document.body.append(el);
  await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
  el.querySelector<HTMLFormElement>("#setup-form")!.requestSubmit();
  await vi.waitFor(() => expect(el.querySelector("#setup-plan-list")).not.toBeNull());
  const lines = [...el.querySelectorAll("#setup-plan-list li")].map((li) => li.textContent ?? "");
  return { api, el, lines };
}

describe("the form", () => {
  it("opens prefilled with the workshop's names and the suggested role", async () => {
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve(form) });
    const el = setupView({ api });
    await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
    expect(el.querySelector<HTMLInputElement>("#setup-integration-name")?.value).toBe("Genesys Cloud Data Actions");
    expect(el.querySelector<HTMLInputElement>('input[value="queue-viewer"]')?.checked).toBe(true);
    expect(el.querySelector<HTMLInputElement>('input[value="admin"]')?.checked).toBe(false);
    expect(el.querySelector("#setup-limit")?.textContent).toBe("Installed: 2 (up to 10 per org)");
  });

  it("opens with the default names in the user's language", async () => {
    setLanguage("pt-BR");
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve(form) });
    const el = setupView({ api });
    await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
    expect(el.querySelector<HTMLInputElement>("#setup-client-name")?.value).toBe("Cliente de ações de dados");
    expect(el.querySelector<HTMLInputElement>("#setup-credential-name")?.value).toBe("Credencial do cliente de ações de dados");
    expect(el.querySelector<HTMLInputElement>("#setup-integration-name")?.value).toBe("Genesys Cloud Data Actions");
  });

  it("shows each problem beside its field and asks nothing of Genesys", async () => {
    setLanguage("es");
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve(form) });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
    el.querySelector<HTMLInputElement>("#setup-client-name")!.value = " ";
    el.querySelector<HTMLInputElement>("#setup-integration-name")!.value = "x".repeat(240);
    el.querySelector<HTMLInputElement>('input[value="queue-viewer"]')!.checked = false;
    el.querySelector<HTMLFormElement>("#setup-form")!.requestSubmit();
    expect(el.querySelector("#setup-client-name-error")?.textContent).toBe("Este campo es obligatorio.");
    expect(el.querySelector("#setup-roles-error")?.textContent).toBe("Elija al menos un rol.");
    expect(el.querySelector("#setup-integration-name-error")?.textContent).toBe("Como máximo 222 caracteres.");
    expect(el.querySelector("#setup-credential-name-error")?.textContent).toBe("");
    expect(api.setupPlan).not.toHaveBeenCalled();
  });

  it("ticks the data action by default with the first queue picked, and sends what is picked", async () => {
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve(form), setupPlan: () => Promise.resolve(plan) });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
    const toggle = el.querySelector<HTMLInputElement>("#setup-with-action")!;
    expect(toggle.checked).toBe(true);
    expect(el.querySelector<HTMLInputElement>("#setup-action-name")?.value).toBe("Get queue presences");
    const queue = el.querySelector<HTMLSelectElement>("#setup-action-queue")!;
    expect([...queue.options].map((o) => o.textContent)).toEqual(["Sales", "Support"]);
    expect(queue.value).toBe("q-sales");
    queue.value = "q-support";
    el.querySelector<HTMLFormElement>("#setup-form")!.requestSubmit();
    expect(api.setupPlan).toHaveBeenLastCalledWith({ ...request, action: { name: "Get queue presences", queueId: "q-support" } });
  });

  it("leaves the data action out when unticked, and checks its name only when ticked", async () => {
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve(form), setupPlan: () => Promise.resolve(plan) });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
    el.querySelector<HTMLInputElement>("#setup-action-name")!.value = " ";
    el.querySelector<HTMLFormElement>("#setup-form")!.requestSubmit();
    expect(el.querySelector("#setup-action-name-error")?.textContent).toBe("This field is required.");
    expect(api.setupPlan).not.toHaveBeenCalled();
    const toggle = el.querySelector<HTMLInputElement>("#setup-with-action")!;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    expect(el.querySelector<HTMLElement>("#setup-action-fields")?.hidden).toBe(true);
    el.querySelector<HTMLFormElement>("#setup-form")!.requestSubmit();
    const { action: _left, ...without } = request;
    expect(api.setupPlan).toHaveBeenLastCalledWith(without);
  });

  it("says the test is skipped when the org has no queue, in the user's language", async () => {
    setLanguage("es");
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve({ ...form, queues: [] }), setupPlan: () => Promise.resolve(plan) });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
    expect(el.querySelector("#setup-action-queue")).toBeNull();
    expect(el.querySelector("#setup-no-queues")?.textContent).toContain("se omite");
    el.querySelector<HTMLFormElement>("#setup-form")!.requestSubmit();
    expect(api.setupPlan).toHaveBeenLastCalledWith(expect.objectContaining({ action: { name: "Obtener presencias de una cola", queueId: null } }));
  });

  it("refuses to start at the integration limit", async () => {
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve({ ...form, installed: 10 }) });
    const el = setupView({ api });
    await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
    expect(el.querySelector<HTMLButtonElement>("#setup-preview")?.disabled).toBe(true);
    expect(el.querySelector("#setup-limit")?.className).toBe("warning");
  });
});

describe("the plan preview", () => {
  it("words every step in order, in English", async () => {
    const { api, lines } = await openPlan("en");
    expect(api.setupPlan).toHaveBeenCalledWith(request);
    expect(lines).toHaveLength(12);
    expect(lines[0]).toContain("(2 of 10 installed)");
    expect(lines[1]).toBe('Create the OAuth client "Data Actions client" with the Client Credentials grant and tokens valid 24 h, granted the role Queue viewer in the division Home.');
    expect(lines[4]).toBe('Create the credential "Data Actions client credential" holding the client\'s ID and secret.');
    expect(lines[7]).toBe("Activate the integration: until it is Active, no data action can run.");
    expect(lines[9]).toContain('Create the data action "Get queue presences"');
    expect(lines[10], "the queue is named, not its id").toContain('"Sales"');
    expect(lines[11]).toBe("Publish the action, so that flows can call it.");
  });

  it("words them in Spanish and Brazilian Portuguese", async () => {
    const es = await openPlan("es");
    expect(es.lines[5]).toBe('Instalar "Genesys Cloud Data Actions" (Admin > Integraciones > Instalar), mientras se crea el cliente.');
    document.body.replaceChildren();
    const pt = await openPlan("pt-BR");
    expect(pt.lines[1]).toContain("com a função Queue viewer na divisão Home");
    expect(pt.lines[8]).toBe("Aguardar até o Genesys informar que a integração está ativa.");
    expect(pt.lines[10]).toContain('"Sales"');
  });
});

describe("a run", () => {
  it("shows each step's progress, duration and result live, then the summary", async () => {
    const { api, el } = await openPlan("en");
    let push: (r: SetupRunView) => void = () => undefined;
    let finish: (r: SetupRunView) => void = () => undefined;
    api.setupStart.mockImplementation((_req: unknown, onRun: (r: SetupRunView) => void) => {
      push = onRun;
      return new Promise((r) => (finish = r));
    });
    el.querySelector<HTMLButtonElement>("#setup-run")!.click();
    expect(api.setupStart).toHaveBeenCalledWith(request, expect.any(Function));
    push(run("running", [step("preflight", "done", 420), step("createClient", "running"), step("installIntegration", "running")]));
    const progress = el.querySelector("#setup-progress")!;
    expect(progress.querySelector('[data-step="preflight"]')?.getAttribute("data-status")).toBe("done");
    expect(progress.querySelector('[data-step="preflight"] .step-duration')?.textContent).toBe("420 ms");
    expect(progress.querySelector('[data-step="createClient"] .step-status')?.textContent).toBe("Running");
    expect(progress.querySelector('#setup-progress-list [data-step="preflight"] .step-duration'), "times sit behind Details, not in the list").toBeNull();
    expect(progress.querySelector("#setup-details")?.hasAttribute("open")).toBe(false);
    expect(progress.querySelector("#setup-details summary")?.textContent).toBe("Details");
    expect(progress.querySelector("#setup-run-id")?.textContent).toBe("Run 0123456789abcdef");
    expect(progress.querySelector("#setup-progress-count")?.textContent).toBe("Step 2 of 3");
    expect(progress.querySelector<HTMLProgressElement>("#setup-progress-bar")?.value).toBe(1);
    expect(progress.querySelector('#setup-progress-list [data-step="installIntegration"] .step-tag')?.textContent).toBe("in parallel");
    expect(progress.querySelector('#setup-progress-list [data-step="createClient"] .step-tag')).toBeNull();
    progress.querySelector<HTMLDetailsElement>("#setup-details")!.open = true;
    progress.querySelector("#setup-details")!.dispatchEvent(new Event("toggle"));
    push(run("running", [step("preflight", "done", 420), step("createClient", "done", 800), step("waitForActive", "running", 1500, "retrying")]));
    expect(el.querySelector('#setup-progress [data-step="waitForActive"] .step-note')?.textContent).toBe("Retrying…");
    expect(el.querySelector("#setup-details")?.hasAttribute("open"), "Details stays open across a redraw").toBe(true);
    finish(
      run("completed", [step("preflight", "done", 420), step("waitForActive", "done", 2100)], [
        { kind: "oauthClient", id: "c1", name: "Data Actions client" },
        { kind: "integration", id: "i1", name: "Genesys Cloud Data Actions" },
        { kind: "action", id: "a1", name: "Get queue presences" },
      ]),
    );
    await vi.waitFor(() => expect(el.querySelector("#setup-summary")?.getAttribute("data-phase")).toBe("completed"));
    expect(el.querySelector("#setup-summary h2")?.textContent).toBe("Data Actions is set up");
    expect(el.querySelector('#setup-created a[href="#/clients/c1"]')?.textContent).toBe("Data Actions client");
    expect(el.querySelector('#setup-created a[href="#/integrations/i1"]')).not.toBeNull();
    expect(el.querySelector('#setup-created a[href="#/actions/a1"]')?.textContent).toBe("Get queue presences");
    expect(el.querySelector('#setup-created [data-kind="action"] .node-kind')?.textContent).toBe("Data action");
  });

  it("says when the data action's test was skipped for want of a queue", async () => {
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(run("running", [step("waitForActive", "done", 900), step("testAction", "done", 5, "testSkipped"), step("publishAction", "running")])) });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector('[data-step="testAction"]')).not.toBeNull());
    expect(el.querySelector('[data-step="testAction"] .step-note')?.textContent).toBe("Skipped: there was no queue to test with.");
    expect(el.querySelector('[data-step="publishAction"]')?.textContent).toContain("Publish the data action");
  });

  it("counts a running step's time while it runs", async () => {
    vi.useFakeTimers();
    try {
      const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(run("running", [step("preflight", "done", 300), step("waitForActive", "running")])) });
      const el = setupView({ api });
      document.body.append(el);
      await vi.waitFor(() => expect(el.querySelector('[data-step="waitForActive"]')).not.toBeNull());
      expect(el.querySelector('[data-step="waitForActive"] .step-duration')?.textContent).toBe("0 ms");
      await vi.advanceTimersByTimeAsync(2500);
      expect(el.querySelector('[data-step="waitForActive"] .step-duration')?.textContent).toBe("2.5 s");
      expect(el.querySelector('[data-step="preflight"] .step-duration')?.textContent).toBe("300 ms");
    } finally {
      vi.useRealTimers();
    }
  });

  it("offers an unfinished run Resume (the default) or Roll back", async () => {
    const interrupted = run("interrupted", [step("preflight", "done", 300), step("createClient", "done", 500), step("storeSecret", "pending")]);
    const resumed = run("completed", [step("preflight", "done", 300)]);
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(interrupted), setupResume: () => Promise.resolve(resumed) });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-resume-offer")).not.toBeNull());
    const resume = el.querySelector<HTMLButtonElement>("#setup-resume")!;
    await vi.waitFor(() => expect(document.activeElement).toBe(resume));
    expect(resume.className).toBe("primary");
    expect(el.querySelector("#setup-roll-back")?.className).toBe("");
    expect(api.setupForm).not.toHaveBeenCalled();
    resume.click();
    await vi.waitFor(() => expect(el.querySelector("#setup-summary")).not.toBeNull());
    expect(api.setupResume).toHaveBeenCalledTimes(1);
    expect(api.setupRollBack).not.toHaveBeenCalled();
  });

  it("shows an interrupted run as a warning that says where it stopped and what a roll back deletes", async () => {
    setLanguage("es");
    const interrupted = run("interrupted", [step("createClient", "done", 500), step("installIntegration", "done", 300), step("waitForActive", "running")], [
      { kind: "oauthClient", id: "c1", name: "Data Actions client [dip-studio-run:0123456789abcdef]" },
      { kind: "integration", id: "i1", name: "Genesys Cloud Data Actions" },
    ]);
    interrupted.stoppedAt = "2026-03-04T05:06:07Z";
    const el = setupView({ api: fakeIntegrationsApi({ setupStatus: () => Promise.resolve(interrupted) }) });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-unfinished")).not.toBeNull());
    const card = el.querySelector("#setup-unfinished")!;
    expect(card.className).toContain("setup-warning");
    expect(card.querySelector("#setup-stopped-time")?.textContent).toBe(t("setup.unfinishedTime", { time: dateTime("2026-03-04T05:06:07Z") }));
    expect(card.querySelector("#setup-stopped-time")?.textContent).toMatch(/^Se detuvo el .*2026/);
    expect(card.querySelector("#setup-stopped-at")?.textContent).toBe("Se detuvo mientras se ejecutaba este paso: Esperar a que esté activa.");
    const deletes = [...card.querySelectorAll("#setup-roll-back-deletes li")].map((li) => [li.getAttribute("data-kind"), li.querySelector(".object-name")?.firstChild?.textContent]);
    expect(deletes).toEqual([["oauthClient", "Data Actions client"], ["integration", "Genesys Cloud Data Actions"]]);
    expect(el.querySelector("#setup-progress-count"), "no step counter for a run that is not going forward").toBeNull();
    expect(el.querySelector('#setup-progress-list [data-step="waitForActive"] .step-status')?.textContent, "nothing runs after the app stopped").toBe("Detenido");
  });

  it("says a roll back deletes nothing when a stopped run made nothing yet", async () => {
    const failed: SetupRunView = { ...run("failed", [step("preflight", "failed")]), error: { kind: "api", message: "Service unavailable" } };
    const el = setupView({ api: fakeIntegrationsApi({ setupStatus: () => Promise.resolve(failed) }) });
    await vi.waitFor(() => expect(el.querySelector("#setup-roll-back-deletes")).not.toBeNull());
    expect(el.querySelector("#setup-roll-back-deletes")?.textContent).toBe("This run has created nothing yet: a roll back has nothing to delete.");
  });

  it("after a roll back, reads the steps that never ran as not needed, not waiting", async () => {
    setLanguage("pt-BR");
    const undone = run("rolledBack", [step("createClient", "rolledBack", 90), step("createCredential", "pending"), step("waitForActive", "pending")]);
    const el = setupView({ api: fakeIntegrationsApi({ setupStatus: () => Promise.resolve(undone) }) });
    await vi.waitFor(() => expect(el.querySelector("#setup-summary")).not.toBeNull());
    expect(el.querySelector('[data-step="createCredential"] .step-status')?.textContent).toBe("Não necessário");
    expect(el.querySelector('[data-step="waitForActive"]')?.className).toContain("step-skipped");
    const waiting = setupView({ api: fakeIntegrationsApi({ setupStatus: () => Promise.resolve(run("running", [step("createClient", "running"), step("createCredential", "pending")])) }) });
    await vi.waitFor(() => expect(waiting.querySelector("#setup-progress-list")).not.toBeNull());
    expect(waiting.querySelector('[data-step="createCredential"] .step-status')?.textContent, "while running forward it is still waiting").toBe("Aguardando");
  });

  it("rolls back on request and says nothing is left", async () => {
    setLanguage("pt-BR");
    const failed: SetupRunView = { ...run("failed", [step("createCredential", "failed")]), error: { kind: "api", message: "Service unavailable", contextId: "ctx-42" } };
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(failed), setupRollBack: () => Promise.resolve(run("rolledBack", [step("createClient", "rolledBack", 90)])) });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector(".error-panel")).not.toBeNull());
    expect(el.querySelector(".error-panel")?.textContent).toContain("ctx-42");
    el.querySelector<HTMLButtonElement>("#setup-roll-back")!.click();
    expect(api.setupRollBack, "nothing is deleted before the confirmation").not.toHaveBeenCalled();
    await vi.waitFor(() => expect(document.activeElement?.id, "Keep is the default").toBe("setup-roll-back-confirm-no"));
    document.querySelector<HTMLButtonElement>("#setup-roll-back-confirm-yes")!.click();
    await vi.waitFor(() => expect(el.querySelector("#setup-summary")?.getAttribute("data-phase")).toBe("rolledBack"));
    expect(el.querySelector("#setup-summary")?.textContent).toContain("Tudo o que esta execução criou foi excluído.");
    expect(el.querySelector('[data-step="createClient"] .step-status')?.textContent).toBe("Revertido");
  });
});

describe("runs that must lose nothing", () => {
  const torn = { fileName: "setup-run-fedcba9876543210.json", reason: "not a setup journal (Eof at line 1, column 9)" };

  it("offers the readable run and moves an unreadable journal aside on request", async () => {
    setLanguage("es");
    const interrupted = { ...run("interrupted", [step("createClient", "done", 500)]), unreadableJournals: [torn] };
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(interrupted), setupSetAsideJournal: () => Promise.resolve("setup-run-fedcba9876543210.unreadable-20261201T101010Z.json") });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-resume")).not.toBeNull());
    const card = el.querySelector("#setup-unreadable")!;
    expect(card.querySelector("h2")?.textContent).toBe("Registros de configuración que no se pueden leer");
    card.querySelector<HTMLButtonElement>(".set-aside")!.click();
    expect(api.setupSetAsideJournal).toHaveBeenCalledWith(torn.fileName);
    await vi.waitFor(() => expect(card.textContent).toContain("Apartado como setup-run-fedcba9876543210.unreadable-20261201T101010Z.json"));
  });

  it("with only unreadable journals, reports the error and lists them above the form", async () => {
    const api = fakeIntegrationsApi({
      setupStatus: () => Promise.reject({ kind: "journalCorrupt", message: "torn" }),
      setupForm: () => Promise.resolve({ ...form, unreadableJournals: [torn] }),
    });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
    expect(el.querySelector('.error-panel[data-kind="journalCorrupt"]')).not.toBeNull();
    expect(el.querySelector(`#setup-unreadable [data-file="${torn.fileName}"]`)).not.toBeNull();
  });

  it("asks before running when the secret cannot be saved, in the user's language", async () => {
    setLanguage("pt-BR");
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve({ ...form, secretPersists: false }), setupPlan: () => Promise.resolve(plan) });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-form")).not.toBeNull());
    el.querySelector<HTMLFormElement>("#setup-form")!.requestSubmit();
    await vi.waitFor(() => expect(el.querySelector("#setup-secret-unsaved")).not.toBeNull());
    expect(el.querySelector("#setup-secret-unsaved")?.textContent).toContain("fica só na memória");
    const runButton = el.querySelector<HTMLButtonElement>("#setup-run")!;
    expect(runButton.disabled).toBe(true);
    const agree = el.querySelector<HTMLInputElement>("#setup-confirm-unsaved")!;
    agree.checked = true;
    agree.dispatchEvent(new Event("change"));
    expect(runButton.disabled).toBe(false);
  });

  it("says in the summary when the secret was not saved", async () => {
    const done = { ...run("completed", [step("preflight", "done", 300)]), secretSaved: false };
    const el = setupView({ api: fakeIntegrationsApi({ setupStatus: () => Promise.resolve(done) }) });
    await vi.waitFor(() => expect(el.querySelector("#setup-summary")).not.toBeNull());
    expect(el.querySelector("#setup-secret-not-saved")?.textContent).toContain("was not saved");
  });

  it("says in the summary when a resume had to issue the client a new secret", async () => {
    const done = { ...run("completed", [step("preflight", "done", 300)]), secretReissued: true };
    const el = setupView({ api: fakeIntegrationsApi({ setupStatus: () => Promise.resolve(done) }) });
    await vi.waitFor(() => expect(el.querySelector("#setup-summary")).not.toBeNull());
    expect(el.querySelector("#setup-secret-reissued")?.textContent).toBe(t("setup.secretReissued"));
    const plain = setupView({ api: fakeIntegrationsApi({ setupStatus: () => Promise.resolve(run("completed", [step("preflight", "done", 300)])) }) });
    await vi.waitFor(() => expect(plain.querySelector("#setup-summary")).not.toBeNull());
    expect(plain.querySelector("#setup-secret-reissued")).toBeNull();
  });

  it("cancels a running run from the progress view, then offers Resume or Roll back", async () => {
    let push: (r: SetupRunView) => void = () => undefined;
    const api = fakeIntegrationsApi({
      setupStatus: (onRun) => {
        push = onRun;
        return Promise.resolve(run("running", [step("waitForActive", "running")]));
      },
      setupCancel: () => Promise.resolve(),
    });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-cancel")).not.toBeNull());
    expect(el.querySelector("#setup-cancel")?.textContent).toBe("Cancel");
    el.querySelector<HTMLButtonElement>("#setup-cancel")!.click();
    expect(api.setupCancel).toHaveBeenCalledWith("0123456789abcdef");
    push({ ...run("failed", [step("waitForActive", "failed")]), error: { kind: "setupCancelled", message: "the setup run was cancelled" } });
    expect(el.querySelector("#setup-cancel")).toBeNull();
    expect(el.querySelector("#setup-resume")).not.toBeNull();
    expect(el.querySelector("#setup-progress + .error-panel, .error-panel")?.getAttribute("data-kind")).toBe("setupCancelled");
    expect(el.textContent).toContain("The setup was cancelled.");
  });

  it("offers a roll back that did not finish only to be finished, never resumed", async () => {
    setLanguage("es");
    const half = run("rollBackUnfinished", [step("installIntegration", "rolledBack"), step("createClient", "done", 500)]);
    const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(half), setupRollBack: () => Promise.resolve(run("rolledBack", [])) });
    const el = setupView({ api });
    document.body.append(el);
    await vi.waitFor(() => expect(el.querySelector("#setup-roll-back")).not.toBeNull());
    expect(el.querySelector("#setup-resume")).toBeNull();
    expect(el.querySelector("#setup-roll-back")?.textContent).toBe("Terminar de revertir");
    expect(el.querySelector("#setup-unfinished-roll-back")?.className).toContain("setup-warning");
    el.querySelector<HTMLButtonElement>("#setup-roll-back")!.click();
    await vi.waitFor(() => expect(el.querySelector("#setup-summary")?.getAttribute("data-phase")).toBe("rolledBack"));
    location.hash = "#/signin";
    await offerUnfinishedSetup(fakeIntegrationsApi({ setupStatus: () => Promise.resolve(half) }));
    expect(location.hash).toBe("#/setup");
  });
});

describe("at start", () => {
  it("opens the guided setup for a run left unfinished or a journal it cannot read, and nothing else", async () => {
    location.hash = "#/signin";
    await offerUnfinishedSetup(fakeIntegrationsApi({ setupStatus: () => Promise.resolve(run("completed", [])) }));
    expect(location.hash).toBe("#/signin");
    await offerUnfinishedSetup(fakeIntegrationsApi({ setupStatus: () => Promise.reject({ kind: "network", message: "offline" }) }));
    expect(location.hash).toBe("#/signin");
    await offerUnfinishedSetup(fakeIntegrationsApi({ setupStatus: () => Promise.reject({ kind: "journalCorrupt", message: "torn" }) }));
    expect(location.hash).toBe("#/setup");
    location.hash = "#/signin";
    await offerUnfinishedSetup(fakeIntegrationsApi({ setupStatus: () => Promise.resolve(run("interrupted", [step("createClient", "done", 40)])) }));
    expect(location.hash).toBe("#/setup");
  });
});

describe("the setup's error kinds", () => {
  it("reach the error panel as themselves (journalCorrupt, runBelongsElsewhere, integrationLimit…), not as 'unexpected'", () => {
    const generated = readFileSync(path.resolve(__dirname, "../../ui/src/generated/ErrorKind.ts"), "utf8");
    const kinds = [...generated.matchAll(/"(\w+)"/g)].map((m) => m[1] as string);
    expect(kinds).toContain("journalCorrupt");
    for (const kind of kinds) expect(toCommandError({ kind, message: "m" }).kind).toBe(kind);
  });
});

describe("the title", () => {
  it("is the menu label, in every language", async () => {
    for (const lang of ["en", "es", "pt-BR"] as const) {
      setLanguage(lang);
      const api = fakeIntegrationsApi({ setupStatus: () => Promise.resolve(null), setupForm: () => Promise.resolve(form) });
      const el = setupView({ api });
      expect(el.querySelector("#setup-title")?.textContent, lang).toBe(t("nav.setup"));
    }
  });
});
