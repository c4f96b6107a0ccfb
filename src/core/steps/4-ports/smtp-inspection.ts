/**
 * Signs that something on the path inspects SMTP (pure): what the receiver should offer, from its
 * connector in the directory, side by side with what arrived. Firewalls with SMTP inspection mask
 * the banner with asterisks, overwrite EHLO keywords they do not know with X's of the same length
 * (`250-XXXXXXXA` where `250-STARTTLS` was) and drop STARTTLS (Cisco ASA Series Firewall CLI
 * Configuration Guide, "Defaults for ESMTP Inspection": mask-banner, no allow-tls, EHLO reply
 * parameters matching "others" masked). KB 979175: X-ANONYMOUSTLS, X-EXPS and GSSAPI must pass
 * between Exchange servers, or they fail to authenticate.
 */
import { keywordNames, type WireKeyword } from '../6-receive-connectors/wire-expectations';

export interface InspectionSign {
  kind: 'masked-banner' | 'masked-keyword' | 'missing-keyword' | 'banner-host';
  /** What the directory and Exchange's behaviour say should be there. */
  expected: string;
  /** What arrived. */
  arrived: string;
}

/** `XXXXXXXA`, `XXXB`: a keyword overwritten in place. */
const MASKED = /^X{3,}[A-Z]?$/;

export function isMaskedKeyword(keyword: string): boolean {
  return MASKED.test(keyword.trim().toUpperCase());
}

function bannerText(banner: string): string {
  return (banner.split('\n')[0] ?? '').replace(/^\d{3}[ -]?/, '').trim();
}

export function inspectionSigns(input: {
  banner?: string;
  /** The EHLO reply as the session probe reads it (EhloSeen of src/core/probes/smtp-session.ts). */
  ehlo?: { greeting: string; keywords: readonly string[] };
  expected: readonly WireKeyword[];
  fqdn?: string;
}): InspectionSign[] {
  const signs: InspectionSign[] = [];
  const expectedBanner = `220 ${input.fqdn ?? '<server FQDN>'} Microsoft ESMTP MAIL Service ready at <date>`;
  if (input.banner !== undefined) {
    const text = bannerText(input.banner);
    if (/^\*{3,}$/.test(text.replace(/\s/g, ''))) {
      signs.push({ kind: 'masked-banner', expected: expectedBanner, arrived: input.banner.split('\n')[0] ?? '' });
    } else if (input.fqdn) {
      const host = (text.split(/\s+/)[0] ?? '').toLowerCase();
      if (host && host !== input.fqdn.toLowerCase())
        signs.push({ kind: 'banner-host', expected: expectedBanner, arrived: input.banner.split('\n')[0] ?? '' });
    }
  }
  if (input.ehlo) {
    const names = keywordNames(input.ehlo.keywords);
    for (const k of input.ehlo.keywords)
      if (isMaskedKeyword(k))
        signs.push({ kind: 'masked-keyword', expected: 'a keyword Exchange offers', arrived: `250-${k}` });
    for (const k of input.expected)
      if (!names.includes(k)) signs.push({ kind: 'missing-keyword', expected: k, arrived: '(not offered)' });
  }
  return signs;
}

/** Masking is something only a device on the path does; a missing keyword or another host name may be configuration. */
export function isStrongSign(sign: InspectionSign): boolean {
  return sign.kind === 'masked-banner' || sign.kind === 'masked-keyword';
}
