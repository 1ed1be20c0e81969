// What every screen receives from the router: the commands it calls (a Pick of its api.ts
// group), the session (null when signed out) and a way to go to another route.
import type { SessionView } from "../api";

export interface ScreenDeps<A> {
  api: A;
  session: SessionView | null;
  /** Goes to a hash route (the app redraws on hashchange). */
  navigate: (hash: string) => void;
}

/** The router's navigate: routes are `#/<screen>[/<rest>]`. */
export function goTo(hash: string): void {
  location.hash = hash;
}
