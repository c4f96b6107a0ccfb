/**
 * The lab's connection settings for tests that talk to the real Samba DC: from the environment
 * (`eval "$(npm run --silent lab -- env)"`) or, when that is not set, from test/lab/api.ts labEnv().
 * Fails loudly when neither is available: these tests must not pass without a directory.
 */
import { readFileSync } from 'node:fs';
import { labEnv } from '../lab/api';

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

/** The running lab's settings; the environment's EAD_* only when the lab API cannot say (e.g. a remote lab). */
function labVariables(): Record<string, string | undefined> {
  try {
    return labEnv();
  } catch (e) {
    if (process.env.EAD_DC_HOST) return process.env;
    throw new Error(
      `The lab is not available (${e instanceof Error ? e.message : String(e)}). Run: npm run lab -- start`,
      { cause: e },
    );
  }
}

export function labSettings(): LabSettings {
  const env = labVariables();
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
    servers: (env.EAD_SERVERS ?? 'EX01,EX02')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
