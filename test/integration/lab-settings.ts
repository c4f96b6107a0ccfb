/**
 * The lab's connection settings for tests that talk to the real Samba DC: from the environment
 * (`eval "$(npm run --silent lab -- env)"`) or, when that is not set, from test/lab/api.ts labEnv().
 * Fails loudly when neither is available: these tests must not pass without a directory.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface LabSettings {
  host: string;
  port: number;
  security: 'ldaps' | 'starttls';
  caFile: string;
  caPem: string;
  user: string;
  password: string;
  servers: string[];
}

async function labVariables(): Promise<Record<string, string | undefined>> {
  if (process.env.EAD_DC_HOST) return process.env;
  try {
    // Loaded by path so this file does not depend on the lab module at type-check time.
    const apiPath = path.resolve(__dirname, '../lab/api.ts');
    const api = (await import(apiPath)) as { labEnv?: () => Record<string, string> | Promise<Record<string, string>> };
    if (api.labEnv) return await api.labEnv();
  } catch (e) {
    throw new Error(`The lab is not available (${e instanceof Error ? e.message : String(e)}). Run: npm run lab -- start`, { cause: e });
  }
  throw new Error('The lab is not available. Run: npm run lab -- start; eval "$(npm run --silent lab -- env)"');
}

export async function labSettings(): Promise<LabSettings> {
  const env = await labVariables();
  const need = (k: string): string => {
    const v = env[k];
    if (!v) throw new Error(`${k} is not set by the lab`);
    return v;
  };
  const caFile = need('EAD_CA_FILE');
  return {
    host: need('EAD_DC_HOST'),
    port: Number(need('EAD_DC_PORT')),
    security: env.EAD_DC_SECURITY === 'starttls' ? 'starttls' : 'ldaps',
    caFile,
    caPem: readFileSync(caFile, 'utf8'),
    user: need('EAD_BIND_USER'),
    password: need('EAD_BIND_PASSWORD'),
    servers: (env.EAD_SERVERS ?? 'EX01,EX02').split(',').map((s) => s.trim()).filter(Boolean),
  };
}
