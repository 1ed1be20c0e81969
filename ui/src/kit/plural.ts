// A count in words with the right noun: "1 permission", "2 permissions". The i18n layer has no
// plural forms, so each counted noun has a key for one and a key for any other number.
// `{count}` fills both. The rule is "exactly 1 takes the singular", which is what
// Intl.PluralRules says for whole numbers in en and es; for pt-BR, CLDR also files 0 under
// "one", but Brazilian Portuguese writes "0 permissões", so the same rule holds there too.
import { t } from "../i18n";

export function countLabel(count: number, oneKey: string, otherKey: string): string {
  return t(count === 1 ? oneKey : otherKey, { count: String(count) });
}
