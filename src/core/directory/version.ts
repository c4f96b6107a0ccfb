/**
 * Reads the Exchange build out of a server's serialNumber (`Version 15.2 (Build 1118.7)`) and names
 * the product. Parsing is lenient: servers upgraded over the years carry odd spacing and casing.
 */

export interface ExchangeVersion {
  /** `15.2.1118.7`, or `15.2` when no build is given. */
  version: string;
  major: number;
  minor: number;
  build?: number;
  revision?: number;
  /** `Exchange Server 2019`; undefined for a version this table does not know. */
  product?: string;
}

/** First build of Exchange Server Subscription Edition (15.2.2562.17). */
const SUBSCRIPTION_EDITION_BUILD = 2562;

export function productName(major: number, minor: number, build?: number): string | undefined {
  if (major === 15 && minor === 2) {
    return build !== undefined && build >= SUBSCRIPTION_EDITION_BUILD
      ? 'Exchange Server Subscription Edition'
      : 'Exchange Server 2019';
  }
  if (major === 15 && minor === 1) return 'Exchange Server 2016';
  if (major === 15 && minor === 0) return 'Exchange Server 2013';
  if (major === 14) return 'Exchange Server 2010';
  if (major === 8) return 'Exchange Server 2007';
  return undefined;
}

export function parseExchangeVersion(serialNumber: string | undefined): ExchangeVersion | undefined {
  if (!serialNumber) return undefined;
  const m = /version\s*(\d+)\.(\d+)(?:\s*\(\s*build\s*(\d+)(?:\.(\d+))?\s*\))?/i.exec(serialNumber);
  if (!m) {
    // Some tools write the dotted form only: `15.2.1118.7`.
    const dotted = /(\d+)\.(\d+)\.(\d+)(?:\.(\d+))?/.exec(serialNumber);
    if (!dotted) return undefined;
    return build(Number(dotted[1]), Number(dotted[2]), dotted[3], dotted[4]);
  }
  return build(Number(m[1]), Number(m[2]), m[3], m[4]);
}

function build(major: number, minor: number, b: string | undefined, r: string | undefined): ExchangeVersion {
  const buildNo = b !== undefined ? Number(b) : undefined;
  const revision = r !== undefined ? Number(r) : undefined;
  const version = [major, minor, buildNo, revision].filter((n) => n !== undefined).join('.');
  const result: ExchangeVersion = { version, major, minor };
  if (buildNo !== undefined) result.build = buildNo;
  if (revision !== undefined) result.revision = revision;
  const product = productName(major, minor, buildNo);
  if (product) result.product = product;
  return result;
}
