// How the clients screen names a person and a state: a DomainEntityRef by its name, or the
// signed-in user's name where Genesys gives only their id; a client state in words.
import type { OAuthClient } from "../../api";
import { t } from "../../i18n";

/** The signed-in user, to name them where Genesys gives only their id (createdBy). */
export type Me = { id: string; name: string } | null;

/** A DomainEntityRef's name; its id when Genesys gives none, unless it is the signed-in user. */
export function personName(ref: OAuthClient["createdBy"], me: Me): string {
  if (!ref) return "—";
  if (ref.name) return ref.name;
  return me && ref.id === me.id ? me.name : ref.id;
}

export function stateLabel(state: string): string {
  return t(`clients.states.${state}`);
}
