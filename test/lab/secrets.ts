/**
 * The lab's passwords: made once at provisioning with a CSPRNG (meeting AD's complexity rules),
 * kept in `.lab/secrets.json` (mode 0600), never printed except by `lab env`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { paths } from './layout';

export interface LabSecrets {
  administrator: string;
  bind: string;
  service: string;
  computer: string;
}

/** 20 random base64url characters plus one of each class AD requires. */
export function makePassword(): string {
  return `${randomBytes(15).toString('base64url')}aZ7-`;
}

export function readSecrets(): LabSecrets | undefined {
  if (!existsSync(paths.secrets)) return undefined;
  return JSON.parse(readFileSync(paths.secrets, 'utf8')) as LabSecrets;
}

export function ensureSecrets(): LabSecrets {
  const existing = readSecrets();
  if (existing) return existing;
  const secrets: LabSecrets = {
    administrator: makePassword(),
    bind: makePassword(),
    service: makePassword(),
    computer: makePassword(),
  };
  writeFileSync(paths.secrets, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
