// Exporting a whole integration as one Terraform file from the Data actions list: one button per
// integration, which asks Rust for that integration's file and shows it in the same dialog as an
// action's export (the whole-integration wording, a `<name>.tf` download), stays disabled while
// the file is made, and on a failure shows the error panel in that integration's block.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionsApi, ActionsOverview } from "../../ui/src/api";
import { setLanguage, t } from "../../ui/src/i18n";
import { exportFileName } from "../../ui/src/views/actions/export";
import { actionsListView, type ListDeps } from "../../ui/src/views/actions/list";

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

const overview: ActionsOverview = {
  integrations: [
    { id: "i-1", name: "Data Actions", reported: "ACTIVE" },
    { id: "i-2", name: "Queues: EU/West", reported: "INACTIVE" },
  ],
  actions: [{ id: "a-1", name: "Get queue presences", category: "Data Actions", integrationId: "i-1", secure: false, draftVersion: null, publishedVersion: 1 }],
};

const hcl = 'resource "genesyscloud_oauth_client" "data_actions" {\n  name = "Data Actions client"\n}\n';

type Fakes = { [K in keyof ListDeps["api"]]: ReturnType<typeof vi.fn<ActionsApi[K]>> };

function fakeApi(): Fakes {
  return {
    actionsOverview: vi.fn<ActionsApi["actionsOverview"]>(() => Promise.resolve(overview)),
    actionImportStatus: vi.fn<ActionsApi["actionImportStatus"]>(() => Promise.resolve(null)),
    actionImportResume: vi.fn<ActionsApi["actionImportResume"]>(() => Promise.reject(new Error("not expected"))),
    apiPermissionsPrefetch: vi.fn<ActionsApi["apiPermissionsPrefetch"]>(() => Promise.resolve(null)),
    integrationExportTerraform: vi.fn<ActionsApi["integrationExportTerraform"]>(() => Promise.resolve(hcl)),
  };
}

/** Waits until `selector` matches inside `root` (vi.waitFor retries only a callback that throws). */
function found<E extends Element>(root: ParentNode, selector: string): Promise<E> {
  return vi.waitFor(() => {
    const el = root.querySelector<E>(selector);
    if (!el) throw new Error(`${selector} not drawn yet`);
    return el;
  });
}

function drawn(api: Fakes): HTMLElement {
  const el = actionsListView({ api });
  document.body.append(el);
  return el;
}

describe("Export as Terraform of a whole integration", () => {
  it("is one button per integration, beside Import actions and Permissions", async () => {
    const el = drawn(fakeApi());
    for (const id of ["i-1", "i-2"]) {
      const button = await found<HTMLButtonElement>(el, `#actions-export-terraform-${id}`);
      expect(button.textContent).toBe(t("actions.export.integrationButton"));
      expect(button.disabled).toBe(false);
      const row = button.closest(".next-steps");
      expect(row?.querySelector(`[data-import="${id}"]`), "it sits in the row of the integration's import link").not.toBeNull();
      expect(row?.querySelector(`#actions-privileges-${id}`)).not.toBeNull();
      expect(button.getAttribute("aria-describedby"), "a screen reader hears which integration it exports").toBe(`actions-of-${id}`);
    }
  });

  it("asks for that integration's file and shows it in the export dialog, downloaded as <name>.tf", async () => {
    const api = fakeApi();
    const el = drawn(api);
    const button = await found<HTMLButtonElement>(el, "#actions-export-terraform-i-1");
    button.click();
    expect(button.disabled, "no second request while the file is made").toBe(true);
    expect(api.integrationExportTerraform).toHaveBeenCalledWith("i-1");
    expect(api.integrationExportTerraform).toHaveBeenCalledTimes(1);
    const area = await found<HTMLTextAreaElement>(document, "#action-export-dialog #action-export-text");
    expect(area.value).toBe(hcl);
    expect(area.readOnly).toBe(true);
    expect(button.disabled).toBe(false);
    const dialog = document.querySelector<HTMLElement>("#action-export-dialog")!;
    expect(dialog.querySelector("#action-export-dialog-title")?.textContent).toBe(t("actions.export.integrationTitle", { name: "Data Actions" }));
    expect(dialog.textContent).toContain(t("actions.export.integrationIntro"));
    expect(dialog.textContent, "the single action's wording is not reused for the whole integration").not.toContain(t("actions.export.terraformIntro"));
    expect(dialog.querySelector('label[for="action-export-text"]')?.textContent).toBe(t("actions.export.terraformLabel"));
    expect(dialog.querySelector("#action-export-download")?.getAttribute("download")).toBe("Data Actions.tf");
    expect(dialog.querySelector("#action-export-copy")).not.toBeNull();
    document.querySelector<HTMLButtonElement>("#action-export-close")!.click();
    expect(document.querySelector("#action-export-dialog")).toBeNull();
  });

  it("names the download after the integration without characters a file system refuses", async () => {
    const api = fakeApi();
    const el = drawn(api);
    (await found<HTMLButtonElement>(el, "#actions-export-terraform-i-2")).click();
    expect(api.integrationExportTerraform).toHaveBeenCalledWith("i-2");
    const download = await found<HTMLAnchorElement>(document, "#action-export-download");
    expect(download.getAttribute("download")).toBe("Queues_ EU_West.tf");
    expect(exportFileName("  ", "terraform", "integration")).toBe("integration.tf");
  });

  it("shows a refusal in that integration's block, enables the button again, and clears it on the next try", async () => {
    const api = fakeApi();
    api.integrationExportTerraform.mockRejectedValueOnce({ kind: "api", message: "Forbidden", contextId: "ctx-9" });
    const el = drawn(api);
    const button = await found<HTMLButtonElement>(el, "#actions-export-terraform-i-1");
    button.click();
    const panel = await found<HTMLElement>(el, "#actions-export-errors-i-1 .error-panel");
    expect(panel.dataset.kind).toBe("api");
    expect(panel.textContent).toContain("ctx-9");
    expect(button.disabled).toBe(false);
    expect(document.querySelector("#action-export-dialog"), "no dialog for a file that was not made").toBeNull();
    expect(el.querySelector("#actions-export-errors-i-2 .error-panel"), "the other integration's block stays clean").toBeNull();
    button.click();
    expect(el.querySelector("#actions-export-errors-i-1 .error-panel"), "a new try clears the old error").toBeNull();
    await found(document, "#action-export-dialog");
  });
});

describe("the export wording", () => {
  it("says in every language that the file is the whole integration and holds no secret", () => {
    for (const lang of ["en", "es", "pt-BR"] as const) {
      setLanguage(lang);
      const intro = t("actions.export.integrationIntro");
      expect(intro, lang).not.toBe("actions.export.integrationIntro");
      expect(intro, `${lang} names the OAuth client`).toContain("OAuth");
      expect(intro, `${lang} names the provider`).toContain("genesyscloud");
      expect(t("actions.export.integrationTitle", { name: "X" }), lang).toContain("Terraform");
    }
  });
});
