/**
 * Step 3, ticket evidence: the tickets a ticket cache lists, read from the three tools that list
 * them, so the encryption type (and, where shown, key version) of the ticket for an Exchange SPN
 * can be set beside the account's keys on each DC.
 * - Windows `klist` (any display language): entries start `#0>`; the first three fields are the
 *   client, the server and the ticket's encryption type in every language seen (the labels are
 *   translated, e.g. French "Serveur :", "Type de chiffrement KerbTicket :"), so fields are taken
 *   by position, the value after the first " : " or ": ".
 * - MIT `klist -e`: a line with the dates and the service principal, then a line holding
 *   `Etype (skey, tkt): <session>, <ticket>` (possibly after `renew until ...,`).
 * - Heimdal `klist -v` (Heimdal's klist has no -e; macOS ships Heimdal): blocks of `Server: X`
 *   ... `Ticket etype: <type>, kvno <n>`.
 * Verbatim outputs and their sources: test/fixtures/kerberos/SOURCES.md.
 */

export interface ListedTicket {
  server: string;
  /** The ticket's (not the session key's) encryption type as the tool printed it. */
  ticketEtype?: string;
  sessionEtype?: string;
  kvno?: number;
  /** Windows: the KDC that issued it. */
  kdc?: string;
}

const MAX_LINES = 100_000;

function lines(text: string): string[] {
  return text.replace(/\r/g, '').split('\n').slice(0, MAX_LINES);
}

/**
 * `Server: SMTPSVC/ex02.contoso.test @ CONTOSO.TEST` or `Serveur : ...` -> the value. A label with
 * nothing after it (`KDC llamado:`, `调用的 KDC:`: klist leaves the KDC blank for an imported ticket)
 * gives '', never the label itself.
 */
function fieldValue(line: string): string | undefined {
  const m = /^[^:]{1,80}?\s?:(?:\s(.*))?$/.exec(line.trim());
  return m ? (m[1] ?? '').trim() : undefined;
}

/** `SMTPSVC/ex02.contoso.test @ CONTOSO.TEST` -> `SMTPSVC/ex02.contoso.test@CONTOSO.TEST`. */
function joinRealm(value: string): string {
  return value.replace(/\s*@\s*/g, '@').trim();
}

export function parseWindowsKlist(text: string): ListedTicket[] {
  const out: ListedTicket[] = [];
  let fields: string[] | undefined;
  const flush = (): void => {
    if (!fields || fields.length < 2) return;
    const server = fields[1];
    if (!server) return;
    const t: ListedTicket = { server: joinRealm(server) };
    if (fields[2]) t.ticketEtype = fields[2];
    // Session key type is the 8th field on Windows 7 and later; the KDC the 10th, when present.
    if (fields[7]) t.sessionEtype = fields[7];
    if (fields[9]) t.kdc = fields[9];
    out.push(t);
  };
  for (const raw of lines(text)) {
    const start = /^\s*#\d+>\s*(.*)$/.exec(raw);
    if (start) {
      flush();
      fields = [];
      const first = fieldValue(start[1] ?? '');
      if (first !== undefined) fields.push(first);
      continue;
    }
    if (!fields) continue;
    if (!raw.trim()) {
      flush();
      fields = undefined;
      continue;
    }
    // The flags line has no colon in English ("Ticket Flags 0x40e10000 -> ..."); keep it by position.
    fields.push(fieldValue(raw) ?? raw.trim());
  }
  flush();
  return out;
}

const MIT_ENTRY = /^\s*\S+\s+\S+\s+\S+\s+\S+\s+(\S+@\S+)\s*$/;
const MIT_ETYPE = /Etype \(skey, tkt\):\s*([^,]+),\s*(\S+)/;

export function parseMitKlistEtypes(text: string): ListedTicket[] {
  const out: ListedTicket[] = [];
  let current: ListedTicket | undefined;
  for (const raw of lines(text)) {
    const entry = MIT_ENTRY.exec(raw);
    if (entry?.[1] && /\d/.test(raw)) {
      current = { server: entry[1] };
      out.push(current);
    }
    const etype = MIT_ETYPE.exec(raw);
    if (etype && current) {
      current.sessionEtype = (etype[1] ?? '').trim();
      current.ticketEtype = (etype[2] ?? '').trim();
    }
  }
  return out;
}

export function parseHeimdalKlistVerbose(text: string): ListedTicket[] {
  const out: ListedTicket[] = [];
  let current: ListedTicket | undefined;
  for (const raw of lines(text)) {
    const server = /^\s*Server:\s*(\S+)\s*$/.exec(raw);
    if (server?.[1]) {
      current = { server: server[1] };
      out.push(current);
      continue;
    }
    const etype = /^\s*Ticket etype:\s*([^,]+?)(?:,\s*kvno\s+(\d+))?\s*$/.exec(raw);
    if (etype && current) {
      current.ticketEtype = (etype[1] ?? '').trim();
      if (etype[2]) current.kvno = Number(etype[2]);
    }
  }
  return out;
}

/** The listed ticket for `spn` (with or without `@REALM`, case-insensitive), whichever tool printed `text`. */
export function findTicket(text: string, spn: string): ListedTicket | undefined {
  const want = spn.toLowerCase().replace(/@.*$/, '');
  const all = [...parseWindowsKlist(text), ...parseMitKlistEtypes(text), ...parseHeimdalKlistVerbose(text)];
  return all.find((t) => t.server.toLowerCase().replace(/@.*$/, '') === want && t.ticketEtype);
}
