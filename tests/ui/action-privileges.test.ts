// Least privilege for an integration's data actions (#/actions/privileges): what each action's
// call needs in plain words, what the OAuth client misses or holds beyond the need (risky grants
// called out), the role offered and its grant in the picked division (progress while it runs, the
// new view after it, the error panel and a usable button when it fails), the page of an
// integration without a client, and the list's link and prefetch of the API description.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionPrivileges, ActionsApi, ClientsApi, RolesView, SessionView } from "../../ui/src/api";
import type { ActionNeed } from "../../ui/src/generated/ActionNeed";
import { setLanguage, t } from "../../ui/src/i18n";
import { actionsListView, type ListDeps } from "../../ui/src/views/actions/list";
import { actionPrivilegesView, type PrivilegesDeps } from "../../ui/src/views/actions/privileges";
import { actionsScreen } from "../../ui/src/views/actions/screen";

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

const QUEUE_VIEW = "routing:queue:view";

/** The preset's call: the members of a queue, which any of four permissions allows. */
function membersNeed(covered: boolean): ActionNeed {
  return {
    actionId: "custom_-_1",
    name: "Get queue presences",
    method: "GET",
    path: "/api/v2/routing/queues/{}/members",
    endpoint: "/api/v2/routing/queues/{queueId}/members",
    source: "any",
    listed: [QUEUE_VIEW, "routing:queue:edit", "routing:queueMember:manage", "routing:queue:add"],
    least: [QUEUE_VIEW],
    covered,
  };
}

const catalog = { fetchedAt: 1_767_225_600, operations: 2843, stale: false };

/** The client holds nothing: routing:queue:view is missing and a new role is offered. */
function missingView(): ActionPrivileges {
  return {
    integrationId: "i-1",
    integrationName: "Data Actions",
    catalog,
    actions: [membersNeed(false)],
    needed: [QUEUE_VIEW],
    client: { clientId: "c-1", clientName: "Data Actions client", roles: [], missing: [QUEUE_VIEW], extra: [] },
    offer: { reuseRoleId: null, reuseRoleName: null, newRoleName: "Dip Studio: Data Actions", permissions: [QUEUE_VIEW], heldByMe: false },
  };
}

function grantedView(): ActionPrivileges {
  return {
    ...missingView(),
    actions: [membersNeed(true)],
    client: { clientId: "c-1", clientName: "Data Actions client", roles: [{ roleId: "r-9", roleName: "Dip Studio: Data Actions", divisionId: "d-sales" }], missing: [], extra: [] },
    offer: null,
  };
}

const roles: RolesView = {
  roles: [],
  divisions: [
    { id: "d-home", name: "Home", description: null, homeDivision: true },
    { id: "d-sales", name: "Sales", description: null, homeDivision: false },
  ],
  homeDivisionId: "d-home",
  canAssignToMe: true,
  grantsKnown: true,
};

type Api = PrivilegesDeps["api"];
type Fakes = { [K in keyof Api]: ReturnType<typeof vi.fn<Api[K]>> };

function fakeApi(view: ActionPrivileges): Fakes {
  return {
    actionPrivileges: vi.fn<Api["actionPrivileges"]>(() => Promise.resolve(view)),
    actionPrivilegesGrant: vi.fn<Api["actionPrivilegesGrant"]>(() => Promise.reject(new Error("not expected"))),
    authorizationRoles: vi.fn<ClientsApi["authorizationRoles"]>(() => Promise.resolve(roles)),
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

async function open(api: Fakes): Promise<HTMLElement> {
  const el = actionPrivilegesView("i-1", { api });
  document.body.append(el);
  await found(el, "#privileges-client, #privileges-no-client");
  return el;
}

describe("an action whose client misses its permission", () => {
  it("says any one of four is enough, names the weakest, offers a role, and grants it in the picked division", async () => {
    const api = fakeApi(missingView());
    let answer: (view: ActionPrivileges) => void = () => undefined;
    api.actionPrivilegesGrant.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const el = await open(api);
    expect(api.actionPrivileges).toHaveBeenCalledWith("i-1");
    expect(el.querySelector("#privileges-title")?.textContent).toBe(t("actions.privileges.title", { integration: "Data Actions" }));
    expect(el.querySelector("#privileges-catalog")?.textContent, "the catalog says how much it describes").toContain(t("actions.privileges.catalogOperations", { count: "2843" }));
    expect(el.querySelector("#privileges-stale")).toBeNull();

    const row = el.querySelector<HTMLElement>('#privileges-table [data-action-need="custom_-_1"]')!;
    expect(row.textContent).toContain("GET /api/v2/routing/queues/{}/members");
    expect(row.textContent).toContain(t("actions.privileges.need.any"));
    expect(row.querySelectorAll("[data-permission]").length, "all four are listed").toBe(4);
    expect(row.querySelector(".need-least code")?.textContent).toBe(QUEUE_VIEW);
    expect(row.dataset.state).toBe("missing");
    expect(row.querySelector(".badge")?.textContent).toBe(t("actions.privileges.state.missing"));
    expect([...el.querySelectorAll("#privileges-missing code")].map((c) => c.textContent)).toEqual([QUEUE_VIEW]);
    expect(el.querySelector("#privileges-done")).toBeNull();

    const offer = el.querySelector<HTMLElement>("#privileges-offer")!;
    expect(offer.textContent).toContain(t("actions.privileges.offerNew", { role: "Dip Studio: Data Actions" }));
    expect(offer.querySelector("#privileges-holder-rule")?.textContent).toBe(t("actions.privileges.holderRule"));
    expect(offer.querySelector("#privileges-given-to-me")?.textContent, "the user gets the new role first").toBe(t("actions.privileges.givenToMeNew"));
    const division = offer.querySelector<HTMLSelectElement>("#privileges-division")!;
    expect(division.value, "the home division by default").toBe("d-home");
    expect(division.selectedOptions[0]?.textContent).toBe(t("actions.privileges.homeDivision", { division: "Home" }));
    division.value = "d-sales";

    const button = offer.querySelector<HTMLButtonElement>("#privileges-grant")!;
    expect(button.disabled).toBe(false);
    button.click();
    expect(api.actionPrivilegesGrant).toHaveBeenCalledWith({ integrationId: "i-1", divisionId: "d-sales" }, expect.any(Function));
    expect(button.disabled, "one grant at a time").toBe(true);
    expect(el.querySelector("#privileges-progress")?.textContent).toBe(t("actions.privileges.granting"));

    answer(grantedView());
    const done = await found(el, "#privileges-done");
    expect(done.textContent).toContain(t("actions.privileges.done"));
    expect(el.querySelector("#privileges-granted")?.textContent).toBe(t("actions.privileges.granted", { role: "Dip Studio: Data Actions", division: "Sales" }));
    expect(el.querySelector("#privileges-offer"), "nothing left to offer").toBeNull();
    expect(el.querySelector("#privileges-missing")).toBeNull();
    expect(el.querySelector<HTMLElement>('[data-action-need="custom_-_1"]')?.dataset.state).toBe("covered");
    expect(el.querySelector('#privileges-roles [data-role="r-9"]')?.textContent).toBe("Dip Studio: Data Actions, in Sales");
  });

  it("offers an existing role by name, and says nothing about giving it to a user who holds it", async () => {
    const view = missingView();
    view.offer = { ...view.offer!, reuseRoleId: "r-2", reuseRoleName: "Queue reader", heldByMe: true };
    const el = await open(fakeApi(view));
    expect(el.querySelector("#privileges-offer")?.textContent).toContain(t("actions.privileges.offerReuse", { role: "Queue reader" }));
    expect(el.querySelector("#privileges-grant")?.textContent).toBe(t("actions.privileges.grantReuse", { role: "Queue reader" }));
    expect(el.querySelector("#privileges-given-to-me")).toBeNull();
  });

  it("shows the error panel with Genesys's message and contextId when the grant fails, and lets the user try again", async () => {
    const api = fakeApi(missingView());
    api.actionPrivilegesGrant.mockRejectedValueOnce({ kind: "api", message: "The role cannot be granted in that division", contextId: "ctx-42" });
    const el = await open(api);
    const button = el.querySelector<HTMLButtonElement>("#privileges-grant")!;
    button.click();
    const panel = await found<HTMLElement>(el, "#privileges-errors .error-panel");
    expect(panel.dataset.kind).toBe("api");
    expect(panel.textContent).toContain("The role cannot be granted in that division");
    expect(panel.querySelector(".error-context code")?.textContent).toBe("ctx-42");
    expect(button.disabled, "the button is usable again").toBe(false);
    expect(el.querySelector<HTMLSelectElement>("#privileges-division")?.disabled).toBe(false);
    expect(el.querySelector("#privileges-progress")?.textContent).toBe("");
    api.actionPrivilegesGrant.mockResolvedValueOnce(grantedView());
    button.click();
    expect(el.querySelector("#privileges-errors")?.childElementCount, "a new try clears the old error").toBe(0);
    await found(el, "#privileges-done");
    expect(api.actionPrivilegesGrant).toHaveBeenCalledTimes(2);
  });

  it("keeps the grant off when the session has no user to take the role first", async () => {
    const api = fakeApi(missingView());
    api.authorizationRoles.mockResolvedValue({ ...roles, canAssignToMe: false });
    const el = await open(api);
    expect(el.querySelector("#privileges-cannot-assign")?.textContent).toBe(t("actions.privileges.cannotAssign"));
    expect(el.querySelector<HTMLButtonElement>("#privileges-grant")?.disabled).toBe(true);
  });
});

describe("what the client holds beyond the need", () => {
  it("flags a permission that can change or delete things in strong words", async () => {
    const view = grantedView();
    view.client!.extra = [
      { permission: "routing:queue:delete", risky: true },
      { permission: "analytics:conversationDetail:view", risky: false },
    ];
    const el = await open(fakeApi(view));
    expect(el.querySelector("#privileges-done"), "nothing is missing all the same").not.toBeNull();
    const extra = el.querySelector<HTMLElement>("#privileges-extra")!;
    expect(extra.dataset.risky).toBe("true");
    expect(extra.querySelector("#privileges-risky strong")?.textContent).toBe(t("actions.privileges.riskyWarning"));
    expect(extra.querySelector('[data-permission="routing:queue:delete"]')?.getAttribute("data-risky")).toBe("true");
    expect(extra.querySelector('[data-permission="routing:queue:delete"] .extra-risky')?.textContent).toBe(t("actions.privileges.risky"));
    expect(extra.querySelector('[data-permission="analytics:conversationDetail:view"] .extra-risky'), "a read-only extra is listed, not flagged").toBeNull();
  });

  it("says so when the client holds only what is needed", async () => {
    const el = await open(fakeApi(grantedView()));
    expect(el.querySelector("#privileges-extra")?.textContent).toContain(t("actions.privileges.extraNone"));
    expect(el.querySelector("#privileges-risky")).toBeNull();
  });
});

describe("needs only a run can tell", () => {
  it("word a URL built from an input and a call the API description lacks, and mark them to test, not missing", async () => {
    const fromInput: ActionNeed = { actionId: "a-input", name: "Any URL", method: "GET", path: "", endpoint: null, source: "fromInput", listed: [], least: [], covered: false };
    const unknown: ActionNeed = { actionId: "a-unknown", name: "Old call", method: "GET", path: "/api/v2/legacy/thing", endpoint: null, source: "unknown", listed: [], least: [], covered: false };
    const none: ActionNeed = { actionId: "a-none", name: "Me", method: "GET", path: "/api/v2/tokens/me", endpoint: "/api/v2/tokens/me", source: "nothing", listed: [], least: [], covered: true };
    const view: ActionPrivileges = { ...grantedView(), catalog: { ...catalog, stale: true }, actions: [fromInput, unknown, none] };
    const el = await open(fakeApi(view));
    const row = (id: string): HTMLElement => el.querySelector<HTMLElement>(`[data-action-need="${id}"]`)!;
    expect(row("a-input").textContent).toContain(t("actions.privileges.need.fromInput"));
    expect(row("a-unknown").textContent).toContain(t("actions.privileges.need.unknown"));
    expect(row("a-none").textContent).toContain(t("actions.privileges.need.nothing"));
    expect([row("a-input").dataset.state, row("a-unknown").dataset.state, row("a-none").dataset.state]).toEqual(["unknown", "unknown", "covered"]);
    expect(row("a-input").querySelector(".badge")?.textContent).toBe(t("actions.privileges.state.unknown"));
    expect(el.querySelector("#privileges-done")?.textContent, "the done line says a test still has to settle these").toContain(t("actions.privileges.doneUnknown"));
    expect(el.querySelector("#privileges-stale")?.textContent).toBe(t("actions.privileges.stale"));
  });
});

describe("an integration without an OAuth client credential", () => {
  it("says so, lists what its actions need and links to the integration", async () => {
    const view: ActionPrivileges = { ...missingView(), client: null, offer: null };
    const el = await open(fakeApi(view));
    expect(el.querySelector("#privileges-no-client")?.textContent).toContain(t("actions.privileges.noClient"));
    expect(el.querySelector("#privileges-no-client-link")?.getAttribute("href")).toBe("#/integrations/i-1");
    expect([...el.querySelectorAll("#privileges-needed code")].map((c) => c.textContent)).toEqual([QUEUE_VIEW]);
    expect(el.querySelector("#privileges-offer")).toBeNull();
    expect(el.querySelector("#privileges-grant")).toBeNull();
  });
});

describe("the way in", () => {
  function listApi(prefetch: () => Promise<null>): ListDeps["api"] {
    return {
      actionsOverview: () => Promise.resolve({ integrations: [{ id: "i-1", name: "Data Actions", reported: "ACTIVE" }], actions: [] }),
      actionImportStatus: () => Promise.resolve(null),
      actionImportResume: () => Promise.reject(new Error("not expected")),
      apiPermissionsPrefetch: prefetch,
      integrationExportTerraform: () => Promise.reject(new Error("not expected")),
    };
  }

  it("is a Permissions link per integration on the list, which starts the API description's download", async () => {
    const prefetch = vi.fn(() => Promise.resolve(null));
    const el = actionsListView({ api: listApi(prefetch) });
    const link = await found(el, "#actions-privileges-i-1");
    expect(link.getAttribute("href")).toBe("#/actions/privileges?integration=i-1");
    expect(link.textContent).toBe(t("actions.privileges.button"));
    expect(prefetch).toHaveBeenCalledTimes(1);
  });

  it("draws the list all the same when the download cannot start", async () => {
    const el = actionsListView({ api: listApi(() => Promise.reject({ kind: "network", message: "offline" })) });
    await found(el, "#actions-privileges-i-1");
    expect(el.querySelector(".error-panel")).toBeNull();
  });

  it("is routed from #/actions/privileges", async () => {
    const api = fakeApi(missingView());
    const session = { session: { userId: "u-1" } } as unknown as SessionView;
    const el = actionsScreen("#/actions/privileges?integration=i-1", { api: api as unknown as ActionsApi & Pick<ClientsApi, "authorizationRoles">, session, navigate: () => undefined });
    expect(el.dataset.screen).toBe("action-privileges");
    await found(el, "#privileges-offer");
    expect(api.actionPrivileges).toHaveBeenCalledWith("i-1");
  });
});
