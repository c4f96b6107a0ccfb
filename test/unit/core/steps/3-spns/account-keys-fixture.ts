/**
 * One Exchange computer account (EX02) as copies on each DC, for the account-key judgements:
 * shared by the step 3 unit test (./account-keys.test.ts) and the wholly-worded test of steps 1-3
 * (../../l10n/steps-1-3-wording.test.ts), so both judge the same account.
 */
import type { AccountInput, DcCopy } from '../../../../../src/core/steps/3-spns/account-keys-findings';

export const NOW = Date.parse('2026-12-04T16:00:00Z');

/** The account as `dc` holds it: key version 1, AES and RC4, a normal enabled computer, unless `over` says. */
export const copy = (dc: string, over: Partial<NonNullable<DcCopy['copy']>> = {}, kdcEnctypes?: number): DcCopy => ({
  dc,
  source: `ldaps://${dc.toLowerCase()}.contoso.test:636`,
  copy: { keyVersion: 1, passwordSetAt: '2026-12-01T00:00:00.000Z', enctypes: 0x1c, userAccountControl: 4096, ...over },
  ...(kdcEnctypes !== undefined ? { kdcEnctypes } : {}),
});

/** EX02's account read from `copies`, EX01 sending to it. */
export function accountInput(copies: DcCopy[], over: Partial<AccountInput> = {}): AccountInput {
  return {
    subject: { kind: 'server', name: 'EX02', id: 'ex02.contoso.test' },
    server: 'EX02',
    fqdn: 'ex02.contoso.test',
    copies,
    otherClaims: [],
    senders: ['EX01'],
    domainDn: 'DC=contoso,DC=test',
    nowMs: NOW,
    observedAt: '2026-12-04T16:00:00.000Z',
    ...over,
  };
}
