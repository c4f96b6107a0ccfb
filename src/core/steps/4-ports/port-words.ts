/**
 * Step 4's words as catalogue phrases (src/core/l10n/phrases/steps-4-6.ts): what a port is for, its
 * state and how much it matters, so a finding's title, evidence and table read in the view's
 * language. The English phrases are the strings ./ports-plan.ts and ./port-reachability.ts hold,
 * which reports and JSON keep. A purpose this table does not know stays as written.
 */
import type { LocalParam, LocalText } from '../../../shared/local-text';
import { text } from '../../l10n/render';
import type { MessageKey } from '../../l10n/en';
import type { PortImportance, PortSpec } from './ports-plan';
import type { PortState } from './ports-probe';

/** Full purpose and the short one a list of failures uses, per English purpose of ./ports-plan.ts. */
const PURPOSES: Readonly<Record<string, readonly [MessageKey, MessageKey]>> = {
  Kerberos: ['fp.4.purpose.kerberos', 'fp.4.purpose.kerberos'],
  'Kerberos password change (kpasswd)': ['fp.4.purpose.kpasswd', 'fp.4.purpose.kpasswd-short'],
  LDAP: ['fp.4.purpose.ldap', 'fp.4.purpose.ldap'],
  'LDAP over TLS': ['fp.4.purpose.ldaps', 'fp.4.purpose.ldaps'],
  'Global catalog': ['fp.4.purpose.gc', 'fp.4.purpose.gc'],
  'Global catalog over TLS': ['fp.4.purpose.gcs', 'fp.4.purpose.gcs'],
  'DNS (may be served by other hosts)': ['fp.4.purpose.dns', 'fp.4.purpose.dns-short'],
  'RPC endpoint mapper': ['fp.4.purpose.rpc', 'fp.4.purpose.rpc'],
  'SMB (Netlogon, Group Policy)': ['fp.4.purpose.smb', 'fp.4.purpose.smb-short'],
  'SMTP, Front End Transport': ['fp.4.purpose.smtp-frontend', 'fp.4.purpose.smtp-short'],
  'SMTP, hub transport (mail between Exchange servers)': ['fp.4.purpose.smtp-hub', 'fp.4.purpose.smtp-short'],
  'SMTP, client proxy': ['fp.4.purpose.smtp-client-proxy', 'fp.4.purpose.smtp-short'],
  'SMTP, outbound proxy': ['fp.4.purpose.smtp-outbound-proxy', 'fp.4.purpose.smtp-short'],
  'port tested': ['fp.4.purpose.tested', 'fp.4.purpose.tested'],
};

const UNBOUND = '; no enabled connector binds it';

/** A value as a phrase, so that a list of values takes the separator of the sentence's language. */
export function valueText(value: string | number): LocalText {
  return text('fp.common.value', { value });
}

/** `A, B and C` in the sentence's language; one item as it is. */
export function andList(items: readonly LocalParam[]): LocalParam {
  const phrases = items.map((i) => (typeof i === 'string' || typeof i === 'number' ? valueText(i) : i));
  if (phrases.length <= 1) return phrases[0] ?? '';
  return text('fp.common.and', {
    items: phrases.slice(0, -1) as LocalText[],
    last: phrases.at(-1) as LocalParam,
  });
}

/** Plain values (names, addresses) as a list param: `EX01, EX02` (`EX01、EX02` in Chinese). */
export function valueList(values: readonly (string | number)[]): LocalText[] {
  return values.map(valueText);
}

export function purposeText(spec: PortSpec, short = false): string | LocalText {
  const unbound = spec.purpose.endsWith(UNBOUND);
  const base = unbound ? spec.purpose.slice(0, -UNBOUND.length) : spec.purpose;
  const keys = PURPOSES[base];
  if (!keys) return spec.purpose;
  const phrase = text(short ? keys[1] : keys[0]);
  return unbound && !short ? text('fp.4.purpose.unbound', { purpose: phrase }) : phrase;
}

/** The state of a port in words, as a phrase. */
export function stateWords(state: PortState, kerberos = false): LocalText {
  if (state === 'no-reply') return text(kerberos ? 'fp.4.state.no-reply-kerberos' : 'fp.4.state.no-reply');
  return text(`fp.4.state.${state}`);
}

export function importanceText(importance: PortImportance): LocalText {
  return text(`fp.4.importance.${importance}`);
}
