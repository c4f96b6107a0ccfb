/**
 * Parser of `w32tm /monitor` (optionally `/domain:` or `/computers:`): one block per domain
 * controller with ICMP delay, NTP offset from the reference DC (the PDC emulator by default),
 * RefID and stratum. Offsets are seconds, positive when that DC is ahead of the reference.
 *
 *     DC1.contoso.com *** PDC ***[192.168.100.2:123]:
 *         ICMP: 0ms delay
 *         NTP: +0.0000000s offset from DC1.contoso.com
 *             RefID: time.example.net [203.0.113.5]
 *             Stratum: 3
 */
import { parseLocaleDecimal } from '../../parsers/locale';
import {
  type ParseOutcome,
  type ParseProblem,
  isBlank,
  parseCode,
  problem,
  recognised,
  toLines,
  unrecognised,
} from '../../parsers/result';

export interface W32tmMonitorServer {
  line: number;
  name: string;
  isPdc: boolean;
  /** `192.168.100.2:123` or `[fe80::1%6]:123` as printed. */
  address?: string;
  /** When the name could not be resolved or contacted at all (`[error 0x80072AF9]`). */
  addressError?: { code?: number; text: string };
  icmpDelayMs?: number;
  icmpError?: string;
  ntpOffsetSeconds?: number;
  /** The server the offset was measured against. */
  offsetFrom?: string;
  ntpError?: string;
  refId?: string;
  stratum?: number;
}

export interface W32tmMonitorResult {
  servers: W32tmMonitorServer[];
}

const HEADER = /^(\S+?)(\s*\*\*\*\s*PDC\s*\*\*\*\s*)?\[(.*)\]:$/u;

export function parseW32tmMonitor(raw: string): ParseOutcome<W32tmMonitorResult> {
  const lines = toLines(raw);
  const problems: ParseProblem[] = [];
  if (isBlank(lines)) return unrecognised('w32tm /monitor printed nothing');
  const servers: W32tmMonitorServer[] = [];
  let current: W32tmMonitorServer | undefined;
  let inWarning = false;
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '') continue;
    const indented = /^\s/.test(line.text);
    let m: RegExpExecArray | null;
    if (!indented && (m = HEADER.exec(t))) {
      inWarning = false;
      current = { line: line.no, name: m[1] ?? '', isPdc: m[2] !== undefined };
      const inside = (m[3] ?? '').trim();
      const err = /^error\s+(0x[0-9a-f]+)?\s*(.*)$/i.exec(inside);
      if (err) {
        current.addressError = { text: inside };
        const code = parseCode(err[1] ?? '');
        if (code !== undefined) current.addressError.code = code;
      } else current.address = inside;
      servers.push(current);
      continue;
    }
    if (/^Warning:?$/i.test(t)) {
      inWarning = true;
      current = undefined;
      continue;
    }
    if (inWarning) continue; // the closing note about reverse name resolution
    if (!current || !indented) {
      problems.push(problem(line, 'line not understood; ignored'));
      continue;
    }
    if ((m = /^ICMP:\s*(\d+)\s*ms delay$/i.exec(t))) current.icmpDelayMs = Number(m[1]);
    else if ((m = /^ICMP:\s*error\s+(.*)$/i.exec(t))) current.icmpError = (m[1] ?? '').trim();
    else if ((m = /^NTP:\s*([+-]?\d+(?:[.,]\d+)?)s offset from (.+)$/i.exec(t))) {
      const offset = parseLocaleDecimal(m[1] ?? '');
      if (offset !== undefined) current.ntpOffsetSeconds = offset;
      current.offsetFrom = (m[2] ?? '').trim();
    } else if ((m = /^NTP:\s*error\s+(.*)$/i.exec(t))) current.ntpError = (m[1] ?? '').trim();
    else if ((m = /^RefID:\s*(.*)$/i.exec(t))) current.refId = (m[1] ?? '').trim();
    else if ((m = /^Stratum:\s*(\d+)$/i.exec(t))) current.stratum = Number(m[1]);
    else problems.push(problem(line, 'line not understood; ignored'));
  }
  if (servers.length === 0) return unrecognised('no "<server>[<address>]:" block', problems);
  return recognised({ servers }, problems);
}
