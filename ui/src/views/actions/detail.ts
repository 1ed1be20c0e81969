// One data action (#/actions/<id>) and a new one (#/actions/new?integration=<id>&from=preset|
// blank). A draft is edited, saved (at its version), tested and published, after a dialog that
// says the contracts and "secure" cannot change afterwards; a published action without a draft
// is shown read-only, with "Make a draft" to change it. Delete removes the draft or the action;
// Export shows it as the admin UI's JSON (export.ts).
import type { ActionDetail, ActionForm, ActionsApi } from "../../api";
import { t } from "../../i18n";
import { askInModal } from "../../kit/modal";
import { confirmDestructive } from "../../kit/confirm";
import { h } from "../../kit/dom";
import { errorPanel } from "../../kit/errors";
import { objectName } from "../../kit/format";
import { goTo } from "../../kit/screen";
import { actionEditor, blocksSave } from "./editor";
import { exportButton } from "./export";
import { testCard } from "./test";
import "./actions.css";

export interface DetailDeps {
  api: ActionsApi;
  navigate?: (hash: string) => void;
}

/** "Draft, version 3 · Published, version 2" in words. */
export function versionsText(detail: Pick<ActionDetail["summary"], "draftVersion" | "publishedVersion">): string {
  const parts: string[] = [];
  if (detail.draftVersion !== null) parts.push(t("actions.draftVersion", { version: String(detail.draftVersion) }));
  if (detail.publishedVersion !== null) parts.push(t("actions.publishedVersion", { version: String(detail.publishedVersion) }));
  return parts.join(" · ");
}

function frame(id: string, title: string): { root: HTMLElement; title: HTMLElement; problems: HTMLElement; body: HTMLElement } {
  const heading = h("h1", { id: "action-title" }, title);
  const problems = h("div", { class: "errors", id: "action-errors" });
  const body = h("div", { "aria-busy": "true" }, h("p", { class: "status" }, t("actions.loading")));
  const root = h(
    "section",
    { class: "screen", "data-screen": id, "aria-labelledby": "action-title" },
    h("p", {}, h("a", { href: "#/actions" }, `← ${t("actions.back")}`)),
    heading,
    problems,
    body,
  );
  return { root, title: heading, problems, body };
}

function publishCard(detail: ActionDetail, deps: DetailDeps, done: (d: ActionDetail) => void, unsaved: () => boolean): HTMLElement {
  const button = h("button", { type: "button", class: "primary", id: "action-publish" }, t("actions.publish.button"));
  button.addEventListener("click", () => {
    const status = h("p", { class: "status", role: "status" });
    const body: HTMLElement[] = [
      h("p", {}, t("actions.publish.frozen")),
      h("p", {}, detail.summary.publishedVersion !== null ? t("actions.publish.replaces", { version: String(detail.summary.publishedVersion) }) : t("actions.publish.first")),
    ];
    if (unsaved()) body.push(h("p", { class: "warning" }, t("actions.publish.unsaved")));
    body.push(status);
    void askInModal({
      id: "action-publish-confirm",
      title: t("actions.publish.question", { name: detail.form.name }),
      body,
      yes: { id: "action-publish-yes", label: t("actions.publish.yes"), kind: "primary" },
      no: { id: "action-publish-no", label: t("actions.publish.no") },
      act: () => deps.api.actionPublish(detail.summary.id),
      busy: (running) => (status.textContent = running ? t("actions.publish.busy") : ""),
      cancelFirst: true,
    }).then((published) => {
      if (published) done(published);
    });
  });
  return h(
    "section",
    { class: "card", id: "action-publish-card", "aria-labelledby": "action-publish-title" },
    h("h2", { id: "action-publish-title" }, t("actions.publish.title")),
    h("p", { class: "hint" }, t("actions.publish.intro")),
    button,
  );
}

function deleteCard(detail: ActionDetail, deps: DetailDeps, fail: (err: unknown) => void, reload: (d: ActionDetail | null) => void): HTMLElement {
  const draftOnly = detail.isDraft && detail.summary.publishedVersion !== null;
  const button = h("button", { type: "button", class: "danger", id: "action-delete" }, draftOnly ? t("actions.delete.draft") : t("actions.delete.action"));
  button.addEventListener("click", () => {
    void confirmDestructive({
      id: "action-delete-confirm",
      title: draftOnly ? t("actions.delete.draftQuestion") : t("actions.delete.actionQuestion"),
      objects: [detail.form.name],
      consequences: [draftOnly ? t("actions.delete.draftGoes") : t("actions.delete.actionGoes")],
      confirm: t("actions.delete.yes"),
      cancel: t("actions.delete.no"),
      busy: t("actions.delete.busy"),
      act: () => deps.api.actionDelete(detail.summary.id, draftOnly),
    }).then((gone) => {
      if (gone === null) return;
      if (draftOnly) deps.api.actionGet(detail.summary.id).then(reload, fail);
      else (deps.navigate ?? goTo)("#/actions");
    }, fail);
  });
  return h("section", { class: "card", "aria-labelledby": "action-delete-title" }, h("h2", { id: "action-delete-title" }, t("actions.delete.title")), button);
}

function draw(detail: ActionDetail, deps: DetailDeps, parts: ReturnType<typeof frame>, notice: string | null): void {
  const fail = (err: unknown): void => parts.problems.replaceChildren(errorPanel(err, () => parts.problems.replaceChildren()));
  const redraw = (next: ActionDetail | null, text: string | null = null): void => {
    parts.problems.replaceChildren();
    if (next) draw(next, deps, parts, text);
  };
  parts.title.replaceChildren(objectName(detail.form.name));
  let dirty = false;
  const editor = actionEditor(detail.form, { api: deps.api, readOnly: !detail.isDraft, actionId: detail.summary.id, onChange: () => (dirty = true), onError: fail });
  const status = h("p", { class: "hint", id: "action-versions" }, versionsText(detail.summary));
  const saved = notice ? h("p", { class: "ok", id: "action-notice", role: "status" }, notice) : null;
  const exporting = h("div", { class: "actions-row", id: "action-export-row" }, exportButton(detail.summary.id, detail.form.name, deps.api, fail), " ", exportButton(detail.summary.id, detail.form.name, deps.api, fail, "terraform"));
  const blocks: (HTMLElement | null)[] = [saved, status, exporting];
  if (detail.isDraft) {
    const save = h("button", { type: "button", class: "primary", id: "action-save" }, t("actions.save"));
    save.addEventListener("click", () => {
      save.disabled = true;
      void editor.check().then((problems) => {
        if (blocksSave(problems)) {
          save.disabled = false;
          editor.root.querySelector<HTMLElement>("[aria-invalid]")?.focus();
          return;
        }
        deps.api.actionSave(detail.summary.id, editor.form).then(
          (next) => redraw(next, t("actions.saved")),
          (err: unknown) => {
            save.disabled = false;
            fail(err);
          },
        );
      }, fail);
    });
    blocks.push(editor.root, h("div", { class: "actions-row" }, save), testCard(detail.summary.id, editor.form, { api: deps.api, unsaved: () => dirty, preview: editor.latestPreview }), publishCard(detail, deps, (d) => redraw(d, t("actions.publish.done")), () => dirty));
  } else {
    const makeDraft = h("button", { type: "button", class: "primary", id: "action-new-draft" }, t("actions.newDraft"));
    makeDraft.addEventListener("click", () => {
      makeDraft.disabled = true;
      deps.api.actionNewDraft(detail.summary.id).then(
        (next) => redraw(next, t("actions.newDraftDone")),
        (err: unknown) => {
          makeDraft.disabled = false;
          fail(err);
        },
      );
    });
    blocks.push(h("p", { class: "hint" }, t("actions.publishedReadOnly")), h("div", { class: "actions-row" }, makeDraft), editor.root);
  }
  blocks.push(deleteCard(detail, deps, fail, (d) => redraw(d, t("actions.delete.draftDone"))));
  parts.body.removeAttribute("aria-busy");
  parts.body.replaceChildren(...blocks.filter((b): b is HTMLElement => b !== null));
  // Saved, published or redrafted from low on the page: bring the notice at the top into view.
  if (saved) parts.title.scrollIntoView?.({ block: "start" });
  if (detail.isDraft) void editor.check().catch(() => undefined);
}

export function actionDetailView(id: string, deps: DetailDeps): HTMLElement {
  const parts = frame("action", t("actions.title"));
  const fail = (err: unknown): void => parts.problems.replaceChildren(errorPanel(err, { onRetry: () => location.reload() }));
  deps.api.actionGet(id).then((detail) => draw(detail, deps, parts, null), fail);
  return parts.root;
}

/** An empty action for `integrationId`, categorised under the integration's name. */
export function blankForm(integrationId: string, integrationName: string): ActionForm {
  return {
    name: "",
    category: integrationName,
    integrationId,
    secure: false,
    timeoutSeconds: null,
    inputs: [],
    outputs: [],
    method: "GET",
    urlTemplate: "/api/v2/",
    headers: [],
    bodyTemplate: "${input.rawRequest}",
    translation: [],
    successTemplate: "${rawResult}",
    version: null,
  };
}

export function actionNewView(integrationId: string, from: "preset" | "blank", deps: DetailDeps): HTMLElement {
  const parts = frame("action-new", from === "preset" ? t("actions.new.presetTitle") : t("actions.new.blankTitle"));
  const fail = (err: unknown): void => parts.problems.replaceChildren(errorPanel(err, () => parts.problems.replaceChildren()));
  const start = (form: ActionForm): void => {
    const editor = actionEditor(form, { api: deps.api, readOnly: false, onError: fail });
    const create = h("button", { type: "button", class: "primary", id: "action-create" }, t("actions.new.create"));
    create.addEventListener("click", () => {
      create.disabled = true;
      void editor.check().then((problems) => {
        if (blocksSave(problems)) {
          create.disabled = false;
          editor.root.querySelector<HTMLElement>("[aria-invalid]")?.focus();
          return;
        }
        deps.api.actionSave(null, editor.form).then(
          async (made) => {
            // The sample the new action was previewed with stays with it; losing it only
            // costs the convenience, so a failed write does not stop the page.
            const sample = editor.sample();
            if (sample && sample.text.trim() !== "") await deps.api.actionSampleKeep(made.summary.id, sample.text, sample.source).catch(() => null);
            (deps.navigate ?? goTo)(`#/actions/${encodeURIComponent(made.summary.id)}`);
          },
          (err: unknown) => {
            create.disabled = false;
            fail(err);
          },
        );
      }, fail);
    });
    parts.body.removeAttribute("aria-busy");
    parts.body.replaceChildren(h("p", { class: "hint" }, from === "preset" ? t("actions.new.presetIntro") : t("actions.new.blankIntro")), editor.root, h("div", { class: "actions-row" }, create));
    if (from === "preset") void editor.check().catch(() => undefined);
  };
  if (from === "preset") {
    deps.api.actionPreset(integrationId, t("actions.preset.name")).then(start, fail);
  } else {
    deps.api.actionsOverview().then((o) => {
      const integration = o.integrations.find((i) => i.id === integrationId);
      start(blankForm(integrationId, integration?.name ?? ""));
    }, fail);
  }
  return parts.root;
}
