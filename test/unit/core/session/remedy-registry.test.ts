import { strict as assert } from 'node:assert';
import type { Finding, Remedy } from '../../../../src/shared/findings';
import { RemedyRegistry, remedyIdentity } from '../../../../src/core/session/remedy-registry';

const remedy = (command: string, changesState: boolean, extra: Partial<Remedy> = {}): Remedy => ({
  summary: `run ${command}`,
  command,
  runOn: 'any domain-joined Windows machine',
  shell: 'powershell',
  changesState,
  ...extra,
});

const finding = (remedies: Remedy[], step: Finding['step'] = 3): Finding => ({
  code: 'spn.missing',
  step,
  severity: 'error',
  subject: { kind: 'server', name: 'EX01' },
  title: 't',
  explanation: 'e',
  evidence: [],
  remedies,
});

describe('remedies the extension produced (runRemedy refuses any other)', () => {
  const register = remedy('setspn -S SMTPSVC/ex01.contoso.test EX01', true);
  const list = remedy('setspn -L EX01', false);

  it('finds a remedy by command, runOn and shell, and returns the stored one', () => {
    const r = new RemedyRegistry();
    const f = finding([register, list]);
    r.remember([f]);
    const hit = r.lookup({ ...register, changesState: false, summary: 'harmless' });
    assert.ok(hit);
    assert.equal(hit.remedy, register, "the stored remedy, not the caller's copy");
    assert.equal(hit.remedy.changesState, true, 'consent comes from the stored remedy');
    assert.equal(hit.finding, f);
  });

  it('refuses a remedy it never produced, or one differing in runOn or shell', () => {
    const r = new RemedyRegistry();
    r.remember([finding([register])]);
    assert.equal(r.lookup(remedy('Remove-Item -Recurse C:\\', false)), undefined);
    assert.equal(r.lookup({ ...register, runOn: 'EX02' }), undefined);
    assert.equal(r.lookup({ ...register, shell: 'cmd' }), undefined);
    assert.equal(r.lookup({ ...register, command: `${register.command} ` }), undefined);
  });

  it('refuses what is not remedy-shaped', () => {
    const r = new RemedyRegistry();
    r.remember([finding([register])]);
    for (const bad of [
      undefined,
      null,
      'setspn',
      42,
      {},
      { command: register.command },
      { command: register.command, runOn: register.runOn, shell: 7 },
    ]) {
      assert.equal(r.lookup(bad), undefined, JSON.stringify(bad));
      if (bad === null || typeof bad !== 'object' || !('shell' in bad)) assert.equal(remedyIdentity(bad), undefined);
    }
  });

  it('keeps remedies of earlier runs (a later run of other steps does not forget them), up to a limit', () => {
    const r = new RemedyRegistry(3);
    r.remember([finding([remedy('a', false)], 1)]);
    r.remember([finding([remedy('b', false), remedy('c', false)], 3)]);
    assert.ok(r.lookup(remedy('a', false)));
    r.remember([finding([remedy('d', false)], 5)]);
    assert.equal(r.size, 3);
    assert.equal(r.lookup(remedy('a', false)), undefined, 'the oldest is forgotten first');
    assert.ok(r.lookup(remedy('d', false)));
  });
});
