/**
 * The lab's API for tests, benches and the CLI (the work is in ./control.ts):
 *   startLab({ scenario?, servers? })  provisions once (cached in .lab/base), then starts the lab or
 *                                      switches its scenario; idempotent, quick when nothing changes;
 *                                      without a scenario a running lab keeps its scenario.
 *   stopLab()                          stops every lab process, removes the /etc/hosts block.
 *   labEnv()                           the EAD_* settings of the running lab (throws when stopped).
 *
 * Tests load this file by path with `import()`, which Node may run with its own type stripping
 * (no extension-less relative imports there) rather than through tsx. So this file has no
 * relative import at run time: it loads ./control.ts through `require`, where tsx's hook resolves
 * the lab's modules in either case.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as Control from './control';
import type { StartOptions, StartResult } from './control';

export type { StartOptions, StartResult };

function here(): string {
  // Set when Node itself loaded this file as an ES module; an empty object when tsx compiled it to CommonJS.
  // @ts-expect-error TS1470: import.meta is real in the first case, although this project compiles to CommonJS.
  const meta = import.meta as { dirname?: string };
  return meta.dirname ?? __dirname;
}

let loaded: typeof Control | undefined;

function control(): typeof Control {
  loaded ??= createRequire(path.join(here(), 'api.ts'))('./control') as typeof Control;
  return loaded;
}

export function startLab(options: StartOptions = {}): Promise<StartResult> {
  return control().startLab(options);
}

export function resetLab(): Promise<StartResult> {
  return control().resetLab();
}

export function stopLab(): Promise<void> {
  return control().stopLab();
}

export function labEnv(): Record<string, string> {
  return control().labEnv();
}

export function labStatus(): ReturnType<typeof Control.labStatus> {
  return control().labStatus();
}
