/**
 * The lab for integration tests, as a mocha root-hook plugin (required by .mocharc.json):
 * `useScenario(name)` starts the lab (test/lab/api.ts) in a scenario, or switches to it, and gives
 * the environment it prints; scenario tests call it in a `before` of their describe block. At the
 * end, the lab is stopped only when this fixture started it; a lab someone else left running is
 * left running, switched back to the scenario it was found in. Switching is always delegated to startLab, which is a no-op when the lab already
 * runs the scenario, so tests that switch the lab directly cannot leave this fixture's view stale.
 */
import * as lab from '../lab/api';

export type LabEnv = Record<string, string>;

export interface LabApi {
  startLab(options: { scenario?: string; servers?: number }): Promise<unknown>;
  labEnv(): LabEnv | Promise<LabEnv>;
  stopLab(): Promise<unknown>;
}

const api: LabApi = lab;
let startedHere = false;
let checkedRunning = false;
/** The scenario (and server count) a lab someone else left running was in: restored at the end. */
let found: { scenario: string; servers: number } | undefined;

export function labApi(): LabApi {
  return api;
}

async function runningEnv(lab: LabApi): Promise<LabEnv | undefined> {
  try {
    const env = await lab.labEnv();
    return env.EAD_DC_HOST ? env : undefined;
  } catch {
    return undefined;
  }
}

/** Starts or switches the lab to `scenario` (with `servers` Exchange servers) and returns its environment. */
export async function useScenario(scenario: string, servers = 2): Promise<LabEnv> {
  if (!checkedRunning) {
    checkedRunning = true;
    const env = await runningEnv(api);
    if (!env) startedHere = true;
    else if (env.EAD_SCENARIO)
      found = { scenario: env.EAD_SCENARIO, servers: (env.EAD_SERVERS ?? '').split(',').filter(Boolean).length || 2 };
  }
  await api.startLab(servers === 2 ? { scenario } : { scenario, servers });
  const env = await api.labEnv();
  if (!env.EAD_DC_HOST) throw new Error(`the lab started in ${scenario} but printed no EAD_DC_HOST`);
  return env;
}

export const mochaHooks = {
  async afterAll(): Promise<void> {
    if (startedHere) await api.stopLab();
    else if (found) await api.startLab(found.servers === 2 ? { scenario: found.scenario } : found);
    startedHere = false;
    found = undefined;
    checkedRunning = false;
  },
};
