/**
 * The lab settings for the editor under test. The extension host inherits code-server's
 * environment, so tests there read EAD_* variables (the bind password included) without anything
 * being written to disk or printed.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface LabForEditor {
  /** EAD_* variables to pass to the editor; empty when no lab is available. */
  env: Record<string, string>;
  /** Folder for the workbench: the lab's workspace when it exists. */
  workspace?: string;
  /** Why there is no lab, when there is none. */
  note?: string;
}

interface LabApi {
  startLab?: (o?: { scenario?: string }) => Promise<unknown>;
  labEnv?: () => Record<string, string> | Promise<Record<string, string>>;
}

function pickLabVars(source: NodeJS.ProcessEnv | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) if (k.startsWith('EAD_') && typeof v === 'string') out[k] = v;
  return out;
}

/**
 * From the environment when the caller already ran `eval "$(npm run --silent lab -- env)"`,
 * otherwise from test/lab/api.ts, starting the lab when `start` is set (startLab is idempotent).
 */
export async function labForEditor(repoRoot: string, o: { start: boolean }): Promise<LabForEditor> {
  const workspaceOf = (env: Record<string, string>): string | undefined => {
    const candidates = [
      env.EAD_WORKSPACE,
      env.EAD_LAB_DIR && path.join(env.EAD_LAB_DIR, 'workspace'),
      path.join(repoRoot, '.lab', 'workspace'),
    ];
    return candidates.find((c): c is string => !!c && existsSync(c));
  };
  if (process.env.EAD_DC_HOST) {
    const env = pickLabVars(process.env);
    return { env, workspace: workspaceOf(env) };
  }
  const apiFile = path.join(repoRoot, 'test', 'lab', 'api.ts');
  if (!existsSync(apiFile)) return { env: {}, note: `no lab: ${path.relative(repoRoot, apiFile)} does not exist yet` };
  const api = (await import(apiFile)) as LabApi;
  if (o.start) {
    if (!api.startLab) throw new Error(`${apiFile} has no startLab()`);
    await api.startLab({ scenario: process.env.EAD_SCENARIO });
  }
  if (!api.labEnv) throw new Error(`${apiFile} has no labEnv()`);
  const env = pickLabVars(await api.labEnv());
  return { env, workspace: workspaceOf(env) };
}
