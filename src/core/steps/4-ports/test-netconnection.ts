/**
 * Parser of `Test-NetConnection -ComputerName X -Port 88` in its list view (what it prints by
 * default, or with `| fl`), in `-InformationLevel Quiet` form (`True`/`False`), and piped to
 * `ConvertTo-Json`. Warnings such as `WARNING: TCP connect to (10.0.0.5 : 88) failed` are kept
 * with the result they belong to. Property names and True/False are never localised; warnings are.
 */
import { readFormatList, readPsBoolean } from '../../parsers/ps-format-list';
import { asArray, bool, isObject, num, prop, readJson, str } from '../../parsers/ps-json';
import {
  type ParseOutcome,
  type ParseProblem,
  isBlank,
  problem,
  recognised,
  toLines,
  unrecognised,
} from '../../parsers/result';

export interface TestNetConnectionResult {
  computerName?: string;
  remoteAddress?: string;
  remotePort?: number;
  interfaceAlias?: string;
  sourceAddress?: string;
  pingSucceeded?: boolean;
  pingRttMs?: number;
  tcpTestSucceeded?: boolean;
  nameResolutionSucceeded?: boolean;
  /** `open` (TcpTestSucceeded True), `failed` (False), `not-tested` (no -Port: ping only). */
  tcp: 'open' | 'failed' | 'not-tested';
  warnings: string[];
}

const WARNING =
  /^(WARNING|WARNUNG|AVERTISSEMENT|ADVERTENCIA|AVVISO|AVISO|WAARSCHUWING|OSTRZEŻENIE|VAROITUS|VARNING|ПРЕДУПРЕЖДЕНИЕ|警告|경고)\s*:\s*(.*)$/iu;

export function parseTestNetConnection(raw: string): ParseOutcome<TestNetConnectionResult[]> {
  const lines = toLines(raw);
  if (isBlank(lines)) return unrecognised('Test-NetConnection printed nothing');
  const first = lines.find((l) => l.text.trim() !== '' && !WARNING.test(l.text.trim()))?.text.trim() ?? '';
  if (first.startsWith('{') || first.startsWith('[')) return parseJson(lines.map((l) => l.text).join('\n'));
  const problems: ParseProblem[] = [];
  const results: TestNetConnectionResult[] = [];
  let warnings: string[] = [];
  for (const record of readFormatList(lines)) {
    const r: TestNetConnectionResult = { tcp: 'not-tested', warnings: [] };
    let fields = 0;
    for (const f of record.fields) {
      const w = WARNING.exec(f.key === '' ? f.value : `${f.key}: ${f.value}`);
      if (w) warnings.push((w[2] ?? '').trim());
      else if (f.key === '' && readPsBoolean(f.value) !== undefined) {
        r.tcpTestSucceeded = readPsBoolean(f.value); // -InformationLevel Quiet
        fields++;
      } else if (apply(r, f.key, f.value)) fields++;
      else problems.push(problem(lines[f.line - 1], 'line not understood; ignored'));
    }
    if (fields === 0) continue;
    finish(r);
    r.warnings = takeWarnings(warnings, r);
    warnings = warnings.filter((w) => !r.warnings.includes(w));
    results.push(r);
  }
  if (results.length === 0) {
    return unrecognised('no ComputerName / TcpTestSucceeded fields', problems);
  }
  // Warnings nobody claimed belong to the last result (they precede it in the output).
  results[results.length - 1]?.warnings.push(...warnings);
  return recognised(results, problems);
}

function apply(r: TestNetConnectionResult, key: string, value: string): boolean {
  switch (key.toLowerCase()) {
    case 'computername':
      r.computerName = value;
      return true;
    case 'remoteaddress':
      if (value !== '') r.remoteAddress = value;
      return true;
    case 'remoteport': {
      const n = Number(value);
      if (value !== '' && Number.isInteger(n)) r.remotePort = n;
      return true;
    }
    case 'interfacealias':
      if (value !== '') r.interfaceAlias = value;
      return true;
    case 'sourceaddress':
      if (value !== '') r.sourceAddress = value;
      return true;
    case 'pingsucceeded':
      r.pingSucceeded = readPsBoolean(value);
      return true;
    case 'pingreplydetails (rtt)': {
      const m = /^(\d+)\s*ms$/.exec(value);
      if (m) r.pingRttMs = Number(m[1]);
      return true;
    }
    case 'tcptestsucceeded':
      r.tcpTestSucceeded = readPsBoolean(value);
      return true;
    case 'nameresolutionsucceeded':
      r.nameResolutionSucceeded = readPsBoolean(value);
      return true;
    case 'nameresolutionresults':
    case 'netroute (nexthop)':
    case 'matchingipsecrules':
    case 'networkisolationcontext':
    case 'isadmin':
    case 'networkprofile':
    case 'basicnameresolution':
    case 'llmnrnetbiosrequest':
    case 'dnsonlyrecords':
    case 'allnameresolutionresults':
      return true;
    default:
      return false;
  }
}

function finish(r: TestNetConnectionResult): void {
  if (r.tcpTestSucceeded === true) r.tcp = 'open';
  else if (r.tcpTestSucceeded === false) r.tcp = 'failed';
  else r.tcp = 'not-tested';
}

/** Warnings that name this result's address and port, or its computer name. */
function takeWarnings(warnings: string[], r: TestNetConnectionResult): string[] {
  return warnings.filter((w) => {
    const m = /\(([^()]+?)\s*:\s*(\d+)\)/.exec(w) ?? /\s([^\s:()]+):(\d+)\s/.exec(` ${w} `);
    if (m) return (m[1] === r.remoteAddress || m[1] === r.computerName) && Number(m[2]) === r.remotePort;
    return r.computerName !== undefined && w.includes(r.computerName);
  });
}

function parseJson(text: string): ParseOutcome<TestNetConnectionResult[]> {
  const read = readJson(text);
  if (!read.ok) return unrecognised(read.reason);
  const problems: ParseProblem[] = [];
  const results: TestNetConnectionResult[] = [];
  asArray(read.value).forEach((item, index) => {
    if (!isObject(item)) {
      problems.push(problem(undefined, `item ${index} is not an object`));
      return;
    }
    const r: TestNetConnectionResult = { tcp: 'not-tested', warnings: [] };
    const computerName = str(prop(item, 'ComputerName'));
    if (computerName !== undefined) r.computerName = computerName;
    const address = addressText(prop(item, 'RemoteAddress'));
    if (address !== undefined) r.remoteAddress = address;
    const port = num(prop(item, 'RemotePort'));
    if (port !== undefined) r.remotePort = port;
    const alias = str(prop(item, 'InterfaceAlias'));
    if (alias !== undefined) r.interfaceAlias = alias;
    const source = addressText(prop(item, 'SourceAddress'));
    if (source !== undefined) r.sourceAddress = source;
    const ping = bool(prop(item, 'PingSucceeded'));
    if (ping !== undefined) r.pingSucceeded = ping;
    const rtt = num(prop(prop(item, 'PingReplyDetails'), 'RoundtripTime'));
    if (rtt !== undefined) r.pingRttMs = rtt;
    const tcp = bool(prop(item, 'TcpTestSucceeded'));
    if (tcp !== undefined) r.tcpTestSucceeded = tcp;
    const dns = bool(prop(item, 'NameResolutionSucceeded'));
    if (dns !== undefined) r.nameResolutionSucceeded = dns;
    if (r.computerName === undefined && r.tcpTestSucceeded === undefined) {
      problems.push(problem(undefined, `item ${index} has neither ComputerName nor TcpTestSucceeded`));
      return;
    }
    finish(r);
    results.push(r);
  });
  if (results.length === 0) return unrecognised('no Test-NetConnection objects in the JSON', problems);
  return recognised(results, problems);
}

/** An IPAddress serialised as a string, `{IPAddressToString}`, or a CIM `{IPAddress}`. */
function addressText(value: unknown): string | undefined {
  return str(value) ?? str(prop(value, 'IPAddressToString')) ?? str(prop(value, 'IPAddress'));
}
