/**
 * The wording of a step's findings lives in its table only (src/core/steps/N-name/finding-codes.ts):
 * no other file of a converted step writes a finding's title or explanation by hand, and every
 * code a step's table declares is made somewhere in that step's folder.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepFindings } from '../../../../src/core/findings/define';
import { clockFindings } from '../../../../src/core/steps/1-clocks/finding-codes';
import { replicationFindings } from '../../../../src/core/steps/2-replication/finding-codes';
import { spnFindings } from '../../../../src/core/steps/3-spns/finding-codes';
import { portsFindings } from '../../../../src/core/steps/4-ports/finding-codes';
import { kerberosLoggingFindings } from '../../../../src/core/steps/5-kerberos-logging/finding-codes';
import { connectorsFindings } from '../../../../src/core/steps/6-receive-connectors/finding-codes';
import { FINDING_TABLES } from '../../../../src/core/steps/finding-codes';

const STEPS = join(__dirname, '../../../../src/core/steps');

/** Every step: its findings are all made with makeFinding from its own table. */
const CONVERTED: [string, StepFindings<string>][] = [
  ['1-clocks', clockFindings],
  ['2-replication', replicationFindings],
  ['3-spns', spnFindings],
  ['4-ports', portsFindings],
  ['5-kerberos-logging', kerberosLoggingFindings],
  ['6-receive-connectors', connectorsFindings],
];

function sources(folder: string): [string, string][] {
  return readdirSync(join(STEPS, folder))
    .filter((f) => f.endsWith('.ts') && f !== 'finding-codes.ts')
    .map((f) => [f, readFileSync(join(STEPS, folder, f), 'utf8')]);
}

describe('where the wording of findings lives', () => {
  for (const [folder, table] of CONVERTED) {
    it(`${folder}: no finding literal outside finding-codes.ts, and every declared code is made`, () => {
      const files = sources(folder);
      // A finding written by hand has an explanation; tool plans have titles and classifications have codes, findings do not.
      const literals = files.filter(([, text]) => /\bexplanation\s*:/.test(text));
      assert.deepEqual(
        literals.map(([f]) => f),
        [],
      );
      const all = files.map(([, text]) => text).join('\n');
      const unused = Object.keys(table.wording).filter((code) => !all.includes(`'${code}'`));
      assert.deepEqual(unused, []);
      assert.ok(FINDING_TABLES.includes(table), `${folder}'s table is registered`);
    });
  }
});
