// The time a running step has taken so far, counted from when this window first saw it running
// and redrawn twice a second while any step runs; it stops once the screen is gone.
import type { SetupRunView } from "../../api";
import { duration } from "./words";

export interface StepClock {
  /** Redraws the running steps' times (after each redraw of the progress list). */
  tick: () => void;
  /** Notes which steps run in `run`, starting or stopping the clock. */
  follow: (run: SetupRunView) => void;
}

export function stepClock(root: HTMLElement, body: HTMLElement): StepClock {
const runningSince = new Map<string, number>();
let ticker: ReturnType<typeof setInterval> | null = null;
const tick = (): void => {
  if (!root.isConnected && ticker !== null) {
    clearInterval(ticker);
    ticker = null;
    return;
  }
  for (const li of body.querySelectorAll<HTMLElement>('#setup-timings tr[data-status="running"]')) {
    const since = runningSince.get(li.dataset.step ?? "");
    const cell = li.querySelector(".step-duration");
    if (since !== undefined && cell) cell.textContent = duration(Date.now() - since);
  }
};
const follow = (run: SetupRunView): void => {
  for (const step of run.steps) {
    if (step.status !== "running") runningSince.delete(step.kind);
    else if (!runningSince.has(step.kind)) runningSince.set(step.kind, Date.now());
  }
  if (runningSince.size > 0 && ticker === null) ticker = setInterval(tick, 500);
  if (runningSince.size === 0 && ticker !== null) {
    clearInterval(ticker);
    ticker = null;
  }
};
  return { tick, follow };
}
