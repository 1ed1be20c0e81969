// The roles × divisions picker: filters as you type over every role and draws a page at a
// time; a role the user does not hold is disabled with the sentence saying why and can be
// assigned after explicit consent, with a countdown of Genesys's settle time from Rust's
// progress (the consent says in which division, the API call only behind "Details"); a picked
// role starts in the home division; a client that cannot say what it holds is told so; counts
// use the singular for one ("1 permission").
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RolesView } from "../../ui/src/api";
import type { RoleView } from "../../ui/src/generated/RoleView";
import { setLanguage, t } from "../../ui/src/i18n";
import { defaultDivision, grantableDivisions } from "../../ui/src/views/clients/divisions";
import { filterRoles, PAGE, rolesPicker } from "../../ui/src/views/clients/roles";
import type { AssignProgress } from "../../ui/src/generated/AssignProgress";

const HOME = "d-home";
function view(roles: RoleView[], canAssignToMe = true, grantsKnown = true): RolesView {
  return {
    roles,
    divisions: [
      { id: HOME, name: "Home", description: null, homeDivision: true },
      { id: "d-claims", name: "Claims", description: null, homeDivision: false },
    ],
    homeDivisionId: HOME,
    canAssignToMe,
    grantsKnown,
  };
}
const many = (n: number): RoleView[] =>
  Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `Load role ${i}`, description: i % 2 ? "odd" : "even", permissionCount: 1, held: ["*"] }));
const notHeld: RoleView = { id: "r-q", name: "Quality Evaluator", description: "Scores calls", permissionCount: 2, held: [] };

function api() {
  return { authorizationRolePermissions: vi.fn().mockResolvedValue(["quality:evaluation:view"]), authorizationAssignRoleToMe: vi.fn() };
}
const flush = () => new Promise((r) => setTimeout(r, 0));
const $ = <T extends HTMLElement>(sel: string): T => document.querySelector<T>(sel)!;
const rows = () => document.querySelectorAll("#clients-roles-list > li");

beforeEach(() => {
  setLanguage("en");
  document.body.replaceChildren();
});

describe("filtering", () => {
  it("matches every word in name or description", () => {
    const index = ["developer\nbuilds integrations", "admin\n", "quality evaluator\nscores calls"];
    expect(filterRoles(index, "")).toEqual([0, 1, 2]);
    expect(filterRoles(index, "DEV")).toEqual([0]);
    expect(filterRoles(index, "scores quality")).toEqual([2]);
    expect(filterRoles(index, "nothing")).toEqual([]);
  });

  it("reuses a row filtered away and back, and shows a change made while it was off screen", () => {
    const picker = rolesPicker(view(many(200)), api(), []);
    document.body.append(picker.root);
    const search = $<HTMLInputElement>("#clients-roles-search");
    const type = (text: string): void => {
      search.value = text;
      search.dispatchEvent(new Event("input"));
    };
    const box = (id: string) => document.querySelector<HTMLInputElement>(`#clients-role-${id}`);
    box("r7")!.click();
    expect(picker.value()).toEqual([{ roleId: "r7", divisionId: HOME }]);
    const before = document.querySelector('#clients-roles-list > li[data-role-id="r7"]');
    type("role 7");
    type("odd");
    expect(box("r8")).toBeNull();
    type("");
    expect(document.querySelector('#clients-roles-list > li[data-role-id="r7"]')).toBe(before);
    expect(box("r7")!.checked).toBe(true);
    // Removed from the chosen list while filtered away: drawn again unchecked when shown.
    type("even");
    document.querySelector<HTMLButtonElement>('#clients-roles-chosen li[data-role-id="r7"] button')!.click();
    expect(picker.value()).toEqual([]);
    type("");
    expect(box("r7")!.checked).toBe(false);
  });

  it("draws 5,000 roles a page at a time and filters as you type", () => {
    const picker = rolesPicker(view(many(5000)), api(), []);
    document.body.append(picker.root);
    expect(rows().length).toBe(PAGE);
    // The total is counted with its noun ("5000 of 5000 roles"), through the catalogue's plural keys.
    expect($("#clients-roles-count").textContent).toBe("5000 of 5000 roles");
    $<HTMLButtonElement>("#clients-roles-more").click();
    expect(rows().length).toBe(2 * PAGE);
    const search = $<HTMLInputElement>("#clients-roles-search");
    search.value = "role 4999";
    search.dispatchEvent(new Event("input"));
    expect(rows().length).toBe(1);
    expect($("#clients-roles-more").hidden).toBe(true);
    search.value = "odd";
    search.dispatchEvent(new Event("input"));
    expect($("#clients-roles-count").textContent).toContain("2500");
  });

  it("keeps the rows on screen when a keystroke leaves the first rows unchanged", () => {
    document.body.append(rolesPicker(view(many(5000)), api(), []).root);
    const first = rows()[0];
    const search = $<HTMLInputElement>("#clients-roles-search");
    search.value = "l";
    search.dispatchEvent(new Event("input"));
    expect(rows()[0]).toBe(first);
    search.value = "odd";
    search.dispatchEvent(new Event("input"));
    expect(rows()[0]).not.toBe(first);
    expect(rows()[0]?.getAttribute("data-role-id")).toBe("r1");
    expect(rows().length).toBe(PAGE);
  });
});

describe("divisions", () => {
  it("offers all divisions and * for a role held in *, only held divisions otherwise, home first by default", () => {
    const everywhere: RoleView = { id: "a", name: "A", description: null, permissionCount: 0, held: ["*"] };
    const claimsOnly: RoleView = { id: "b", name: "B", description: null, permissionCount: 0, held: ["d-claims"] };
    const v = view([everywhere, claimsOnly]);
    expect(grantableDivisions(everywhere, v).map((d) => d.id)).toEqual(["*", HOME, "d-claims"]);
    expect(grantableDivisions(claimsOnly, v).map((d) => d.id)).toEqual(["d-claims"]);
    expect(defaultDivision(everywhere, v)).toBe(HOME);
    expect(defaultDivision(claimsOnly, v)).toBe("d-claims");
  });

  it("picks a role in the home division and lets the division change", () => {
    const picker = rolesPicker(view(many(3)), api(), []);
    document.body.append(picker.root);
    $<HTMLInputElement>('input[data-role-id="r1"]').click();
    expect(picker.value()).toEqual([{ roleId: "r1", divisionId: HOME }]);
    const select = $<HTMLSelectElement>('select[data-role-division="r1"]');
    select.value = "*";
    select.dispatchEvent(new Event("change"));
    expect(picker.value()).toEqual([{ roleId: "r1", divisionId: "*" }]);
    expect($("#clients-roles-chosen").textContent).toContain(t("clients.roles.allDivisions"));
  });
});

describe("a role the user does not hold", () => {
  it("is disabled, explained with the held-roles rule in each language, and offers assign-to-me", () => {
    for (const [lang, sentence] of [
      ["en", "An OAuth client can only be given roles that are assigned to you."],
      ["es", "Un cliente OAuth solo puede recibir roles que usted tenga asignados."],
      ["pt-BR", "Um cliente OAuth só pode receber funções que estejam atribuídas a você."],
    ] as const) {
      setLanguage(lang);
      document.body.replaceChildren(rolesPicker(view([notHeld]), api(), []).root);
      const box = $<HTMLInputElement>('input[data-role-id="r-q"]');
      expect(box.disabled).toBe(true);
      const why = document.getElementById(box.getAttribute("aria-describedby") ?? "");
      expect(why?.textContent).toBe(sentence);
      expect($('button[data-assign="r-q"]').textContent).toBe(t("clients.roles.assignToMe"));
    }
  });

  it("is assigned only after consent, with progress, then becomes pickable", async () => {
    const fake = api();
    let finish: (divisions: string[]) => void = () => undefined;
    fake.authorizationAssignRoleToMe.mockReturnValue(new Promise((r) => (finish = r)));
    document.body.append(rolesPicker(view([{ ...notHeld }]), fake, []).root);
    $<HTMLButtonElement>('button[data-assign="r-q"]').click();
    // The consent names the division the role is granted in; the API call is only behind "Details".
    expect($("#clients-assign-where").textContent).toBe(t("clients.assign.where", { division: "Home" }));
    const apiDetails = $<HTMLDetailsElement>("#clients-assign-details");
    expect(apiDetails.open).toBe(false);
    expect(apiDetails.textContent).toContain("PUT /api/v2/users/{id}/roles");
    const outsideDetails = $("#clients-assign").cloneNode(true) as HTMLElement;
    outsideDetails.querySelector("details")!.remove();
    expect(outsideDetails.textContent).not.toContain("/api/v2");
    expect(fake.authorizationAssignRoleToMe).not.toHaveBeenCalled();
    $<HTMLButtonElement>("#clients-assign-no").click();
    expect(document.getElementById("clients-assign")).toBeNull();
    expect(fake.authorizationAssignRoleToMe).not.toHaveBeenCalled();

    $<HTMLButtonElement>('button[data-assign="r-q"]').click();
    $<HTMLButtonElement>("#clients-assign-yes").click();
    expect(fake.authorizationAssignRoleToMe).toHaveBeenCalledWith("r-q", expect.any(Function));
    expect($("#clients-assign-progress").querySelector("progress")).not.toBeNull();
    const report = fake.authorizationAssignRoleToMe.mock.calls[0]![1] as (p: AssignProgress) => void;
    report({ phase: "settling", remainingMs: 7200, settleMs: 10000 });
    expect($("#clients-assign-progress").textContent).toContain(t("clients.assign.settling", { seconds: "8" }));
    const bar = $<HTMLProgressElement>("#clients-assign-progress progress");
    expect([bar.getAttribute("value"), bar.getAttribute("max")]).toEqual(["2800", "10000"]);
    report({ phase: "confirming" });
    expect($("#clients-assign-progress").textContent).toContain(t("clients.assign.confirming"));
    finish([HOME]);
    await flush();
    expect(document.getElementById("clients-assign")).toBeNull();
    expect($<HTMLInputElement>('input[data-role-id="r-q"]').disabled).toBe(false);
  });

  it("counts down in each language", () => {
    for (const lang of ["en", "es", "pt-BR"] as const) {
      setLanguage(lang);
      const text = t("clients.assign.settling", { seconds: "3" });
      expect(text).toContain("3");
      expect(text).not.toContain("{seconds}");
    }
  });

  it("says so when Genesys would not tell what a client holds", () => {
    document.body.append(rolesPicker(view([notHeld], false, false), api(), []).root);
    expect($("#clients-roles-unknown").textContent).toBe(t("clients.roles.grantsUnknown"));
    document.body.replaceChildren(rolesPicker(view([notHeld], false, true), api(), []).root);
    expect(document.getElementById("clients-roles-unknown")).toBeNull();
  });

  it("says to assign it in Genesys Cloud when signed in with a client", () => {
    document.body.append(rolesPicker(view([notHeld], false), api(), []).root);
    expect(document.querySelector('button[data-assign="r-q"]')).toBeNull();
    expect(document.body.textContent).toContain(t("clients.roles.cannotAssignCc"));
  });
});

it("counts one permission and one role in the singular, in each language", () => {
  const one: RoleView = { ...notHeld, permissionCount: 1 };
  const expected = { en: ["1 permission", "1 of 1 role"], es: ["1 permiso", "1 de 1 rol"], "pt-BR": ["1 permissão", "1 de 1 função"] } as const;
  for (const lang of ["en", "es", "pt-BR"] as const) {
    setLanguage(lang);
    document.body.replaceChildren(rolesPicker(view([one]), api(), []).root);
    expect($("#clients-roles-list summary").textContent).toBe(expected[lang][0]);
    expect($("#clients-roles-count").textContent).toBe(expected[lang][1]);
  }
  setLanguage("en");
  document.body.replaceChildren(rolesPicker(view([{ ...notHeld, permissionCount: 2 }]), api(), []).root);
  expect($("#clients-roles-list summary").textContent).toBe("2 permissions");
});

it("loads a role's permissions on demand", async () => {
  const fake = api();
  document.body.append(rolesPicker(view([notHeld]), fake, []).root);
  expect(fake.authorizationRolePermissions).not.toHaveBeenCalled();
  const details = $<HTMLDetailsElement>("#clients-roles-list details");
  details.open = true;
  details.dispatchEvent(new Event("toggle"));
  await flush();
  expect(fake.authorizationRolePermissions).toHaveBeenCalledWith("r-q");
  expect(details.textContent).toContain("quality:evaluation:view");
});
