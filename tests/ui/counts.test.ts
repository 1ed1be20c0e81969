// Counted nouns as the screens show them: a role with one permission says "1 permission" (and
// its Spanish and Brazilian Portuguese forms) in the guided setup's roles and in the new-client
// role picker of an integration's credentials, and any other number takes the plural.
import { afterEach, describe, expect, it } from "vitest";
import type { ClientChoices } from "../../ui/src/generated/ClientChoices";
import type { Language } from "../../ui/src/generated/Language";
import type { SetupForm } from "../../ui/src/generated/SetupForm";
import { setLanguage } from "../../ui/src/i18n";
import { credentialsForm } from "../../ui/src/views/integrations/credentials";
import { openingFields, setupFormView } from "../../ui/src/views/setup/form";
import { fakeIntegrationsApi, integration, overview } from "./integrations-fake";

const ROLES = [
  { id: "one", name: "Single", permissionCount: 1 },
  { id: "two", name: "Pair", permissionCount: 2 },
];

const SAID: Record<Language, [string, string]> = {
  en: ["1 permission", "2 permissions"],
  es: ["1 permiso", "2 permisos"],
  "pt-BR": ["1 permissão", "2 permissões"],
};

afterEach(() => {
  document.body.replaceChildren();
  setLanguage("en");
});

describe("the guided setup's roles", () => {
  const model: SetupForm = {
    suggestedRoleId: "one",
    homeDivisionId: "home",
    roles: ROLES,
    divisions: [{ id: "home", name: "Home" }],
    queues: [],
    installed: 0,
    limit: 10,
    secretPersists: true,
    unreadableJournals: [],
  };

  for (const lang of Object.keys(SAID) as Language[]) {
    it(`count each role's permissions with the right noun in ${lang}`, () => {
      setLanguage(lang);
      const { form } = setupFormView(model, openingFields(model, "Genesys Cloud Data Actions"));
      const hints = [...form.querySelectorAll("#setup-roles .choice .hint")].map((e) => e.textContent);
      expect(hints).toEqual(SAID[lang]);
    });
  }
});

describe("a new client's role in an integration's credentials", () => {
  const choices: ClientChoices = { roles: ROLES, suggestedRoleId: "two", divisions: [{ id: "home", name: "Home" }], homeDivisionId: "home" };

  for (const lang of Object.keys(SAID) as Language[]) {
    it(`counts each role's permissions with the right noun in ${lang}`, async () => {
      setLanguage(lang);
      // No client's secret is in the keychain, so the form opens on "create a new client".
      const api = fakeIntegrationsApi({ integrationClientChoices: () => Promise.resolve(choices) });
      const noKeychainClient = { ...overview(), clients: [] };
      document.body.append(credentialsForm(integration(), noKeychainClient, { api, onConfigured: () => {}, onError: (e) => { throw e; } }));
      // The choices arrive in a resolved promise: once the pending callbacks have run, they are drawn.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const select = document.querySelector<HTMLSelectElement>("#credential-new-role");
      expect(select, "the new client's role picker is drawn").not.toBeNull();
      const [one, two] = [...(select?.options ?? [])].map((o) => o.textContent ?? "");
      expect(one).toBe(`Single (${SAID[lang][0]})`);
      expect(two?.startsWith(`Pair (${SAID[lang][1]}, `), two).toBe(true);
    });
  }
});
