/**
 * The lab for integration tests, as a mocha root-hook plugin (required by .mocharc.json):
 * `useScenario(name)` starts the lab (test/lab/api.ts) in a scenario, or switches to it, and gives
 * the environment it prints; scenario tests call it in a `before` of their describe block. At the
 * end, the lab is stopped only when this fixture started it (a lab someone else left running is
 * left running). The lab module is loaded by path so this file type-checks without it.
 */
import * as path from 'node:path';

export type LabEnv = Record<string, string>;

export interface LabApi {
  startLab(options: { scenario?: string; servers?: number }): Promise<unknown>;
  labEnv(): LabEnv | Promise<LabEnv>;
  stopLab(): Promise<unknown>;
}

let api: LabApi | undefined;
let startedHere = false;
let current: { scenario: string; servers: number; env: LabEnv } | undefined;

export async function labApi(): Promise<LabApi> {
  if (api) return api;
  const file = path.resolve(__dirname, '../lab/api.ts');
  try {
    api = (await import(file)) as LabApi;
  } catch (e) {
    throw new Error(`The lab (test/lab/api.ts) cannot be loaded: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
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
  if (current?.scenario === scenario && current.servers === servers) return current.env;
  const lab = await labApi();
  if (!current && !(await runningEnv(lab))) startedHere = true;
  await lab.startLab(servers === 2 ? { scenario } : { scenario, servers });
  const env = await lab.labEnv();
  if (!env.EAD_DC_HOST) throw new Error(`the lab started in ${scenario} but printed no EAD_DC_HOST`);
  current = { scenario, servers, env };
  return env;
}

export const mochaHooks = {
  async afterAll(): Promise<void> {
    if (startedHere && api) await api.stopLab();
    startedHere = false;
    current = undefined;
  },
};
