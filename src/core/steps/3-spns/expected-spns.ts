/**
 * The SPNs an Exchange server's computer account must hold so that other Exchange servers can get
 * a Kerberos ticket for it: SMTP/ and SMTPSVC/ for both its short name and its FQDN (KB 979174
 * step 3). SPNs compare case-insensitively, as Active Directory compares them.
 */
import type { ExchangeServer } from '../../directory/model';

export const SMTP_SERVICE_CLASSES = ['SMTP', 'SMTPSVC'] as const;

export interface ExpectedSpn {
  spn: string;
  serviceClass: (typeof SMTP_SERVICE_CLASSES)[number];
  host: string;
  hostKind: 'short' | 'fqdn';
}

export function normaliseSpn(spn: string): string {
  return spn.trim().toLowerCase();
}

export function sameSpn(a: string, b: string): boolean {
  return normaliseSpn(a) === normaliseSpn(b);
}

/**
 * The host names senders use for this server: its short name and the FQDN Exchange registered in
 * networkAddress (the computer's dNSHostName only when none is registered). Exchange routes to the
 * registered FQDN, so senders ask for SMTPSVC/<that name>; a dNSHostName that differs is a fault of
 * its own (step 3's spn.fqdn-mismatch), and SPNs for it would serve no sender.
 */
export function serverHostNames(server: ExchangeServer): { short: string; fqdns: string[] } {
  const n = (server.fqdn ?? server.computer?.dnsHostName)?.trim().replace(/\.$/, '');
  return { short: server.name.trim().toUpperCase(), fqdns: n ? [n.toLowerCase()] : [] };
}

export function expectedSpns(server: ExchangeServer): ExpectedSpn[] {
  const { short, fqdns } = serverHostNames(server);
  const out: ExpectedSpn[] = [];
  for (const serviceClass of SMTP_SERVICE_CLASSES) {
    out.push({ spn: `${serviceClass}/${short}`, serviceClass, host: short, hostKind: 'short' });
    for (const fqdn of fqdns) out.push({ spn: `${serviceClass}/${fqdn}`, serviceClass, host: fqdn, hostKind: 'fqdn' });
  }
  return out;
}

export interface SpnComparison {
  /** Expected SPNs found on the account, with the spelling the directory holds. */
  present: { expected: ExpectedSpn; registered: string }[];
  missing: ExpectedSpn[];
  /** SMTP/SMTPSVC SPNs on the account that were not expected (e.g. an old name). */
  unexpectedSmtp: string[];
}

export function compareSpns(expected: readonly ExpectedSpn[], registered: readonly string[]): SpnComparison {
  const byKey = new Map<string, string>();
  for (const r of registered) byKey.set(normaliseSpn(r), r);
  const result: SpnComparison = { present: [], missing: [], unexpectedSmtp: [] };
  const expectedKeys = new Set<string>();
  for (const e of expected) {
    const key = normaliseSpn(e.spn);
    expectedKeys.add(key);
    const hit = byKey.get(key);
    if (hit === undefined) result.missing.push(e);
    else result.present.push({ expected: e, registered: hit });
  }
  for (const r of registered) {
    const key = normaliseSpn(r);
    if (!expectedKeys.has(key) && /^smtp(svc)?\//i.test(key)) result.unexpectedSmtp.push(r);
  }
  return result;
}
