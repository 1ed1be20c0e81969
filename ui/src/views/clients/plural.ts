// A count in words with the right noun: "1 permission", "2 permissions". The i18n layer has no
// plural forms, so each counted noun has a key for one and a key for any other number, which
// is how en, es and pt-BR choose (pt-BR reads "0 permissões" too). `{count}` fills both.
import { t } from "../../i18n";

export function countLabel(count: number, oneKey: string, otherKey: string): string {
  return t(count === 1 ? oneKey : otherKey, { count: String(count) });
}
