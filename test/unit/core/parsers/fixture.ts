import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A verbatim sample from test/fixtures/windows, bytes as stored (CRLF and escapes kept). */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, '../../../fixtures/windows', name), 'utf8');
}

/** Asserts the outcome was recognised and returns its value. */
export function valueOf<T>(outcome: { recognised: true; value: T } | { recognised: false; reason: string }): T {
  if (!outcome.recognised) throw new Error(`not recognised: ${outcome.reason}`);
  return outcome.value;
}
