/**
 * Parser of `Get-WinEvent ... | ConvertTo-Json` for the events that matter to KB 979174:
 * Security-Kerberos 3 (a KRB_ERROR was received) and 4 (KRB_AP_ERR_MODIFIED), KDC 11 (duplicate
 * name) and 14 (no suitable key) in the System log, and MSExchangeTransport 1035 (inbound
 * authentication failed) in the Application log. Fields are read from the event's Properties when
 * present (they are not localised) and from the English message text otherwise.
 */
import {
  EXCHANGE_TRANSPORT_PROVIDERS,
  KDC_PROVIDERS,
  KERBEROS_CLIENT_PROVIDERS,
  type StepHint,
  lookupKerberosError,
  stepsForEvent,
} from '../../kerberos-codes';
import { asArray, isObject, list, num, prop, psDate, readJson, str } from '../../parsers/ps-json';
import {
  type ParseOutcome,
  type ParseProblem,
  parseCode,
  problem,
  recognised,
  toLines,
  unrecognised,
} from '../../parsers/result';

export type EventDetail =
  | {
      kind: 'kerberos-error';
      errorCode?: number;
      errorName?: string;
      serverName?: string;
      targetName?: string;
      clientTime?: string;
      serverTime?: string;
    }
  | { kind: 'ap-err-modified'; server?: string; targetName?: string }
  | { kind: 'kdc-duplicate-name'; duplicateName?: string; nameType?: string }
  | {
      kind: 'kdc-no-suitable-key';
      account?: string;
      targetService?: string;
      requestedEtypes?: number[];
      availableEtypes?: number[];
    }
  | { kind: 'exchange-inbound-auth-failed'; error?: string; connector?: string; mechanism?: string; sourceIp?: string }
  | { kind: 'other' };

export interface WinEvent {
  id: number;
  provider: string;
  logName?: string;
  machineName?: string;
  /** ISO 8601 UTC. */
  timeCreated?: string;
  recordId?: number;
  level?: string;
  message: string;
  detail: EventDetail;
  /** KB 979174 steps this event points to. */
  steps: StepHint[];
}

export function parseWinEvents(raw: string): ParseOutcome<WinEvent[]> {
  const text = toLines(raw)
    .map((l) => l.text)
    .join('\n');
  const read = readJson(text);
  // Get-WinEvent reports an empty result as an error record, not as JSON.
  if (!read.ok && /No events were found that match the specified selection criteria/i.test(text))
    return recognised([], []);
  if (!read.ok) return unrecognised(read.reason);
  const problems: ParseProblem[] = [];
  const events: WinEvent[] = [];
  asArray(read.value).forEach((item, index) => {
    const id = num(prop(item, 'Id')) ?? num(prop(item, 'EventID'));
    const provider = str(prop(item, 'ProviderName')) ?? str(prop(item, 'Source')) ?? str(prop(item, 'ProviderName'));
    if (!isObject(item) || id === undefined || provider === undefined) {
      problems.push(problem(undefined, `item ${index} has no Id and ProviderName`));
      return;
    }
    const message = str(prop(item, 'Message')) ?? '';
    const values = list(prop(item, 'Properties')).map((p) => (isObject(p) ? prop(p, 'Value') : undefined));
    const detail = readDetail(provider, id, message, values);
    const e: WinEvent = { id, provider, message, detail, steps: [] };
    const logName = str(prop(item, 'LogName')) ?? str(prop(item, 'ContainerLog'));
    if (logName !== undefined) e.logName = logName;
    const machine = str(prop(item, 'MachineName'));
    if (machine !== undefined) e.machineName = machine;
    const time = psDate(prop(item, 'TimeCreated'));
    if (time !== undefined) e.timeCreated = time;
    else if (prop(item, 'TimeCreated') !== undefined)
      problems.push(problem(undefined, `item ${index}: TimeCreated not understood`));
    const recordId = num(prop(item, 'RecordId'));
    if (recordId !== undefined) e.recordId = recordId;
    const level = str(prop(item, 'LevelDisplayName'));
    if (level !== undefined) e.level = level;
    const errorCode = detail.kind === 'kerberos-error' ? detail.errorCode : undefined;
    e.steps = stepsForEvent(errorCode === undefined ? { provider, id } : { provider, id, errorCode });
    events.push(e);
  });
  if (events.length === 0 && problems.length > 0) return unrecognised('no event objects in the JSON', problems);
  return recognised(events, problems);
}

function readDetail(provider: string, id: number, message: string, values: unknown[]): EventDetail {
  const is = (names: string[]): boolean => names.some((n) => n.toLowerCase() === provider.toLowerCase());
  let lines: string[] | undefined;
  // `Label: value` on a line of its own. Read line by line and trimmed afterwards: one multiline
  // pattern with `^\s*` and `(.*?)\s*$` retried from every position of a blank or space-filled
  // stretch, which was quadratic in the message's length.
  const field = (label: string): string | undefined => {
    lines ??= message.split(/\r\n|[\n\r\u2028\u2029]/);
    const re = new RegExp(`^\\s*${label}:(.*)`, 'i');
    for (const line of lines) {
      const m = re.exec(line);
      if (m) return (m[1] ?? '').trim() || undefined;
    }
    return undefined;
  };
  if (is(KERBEROS_CLIENT_PROVIDERS) && id === 3) {
    const d: EventDetail = { kind: 'kerberos-error' };
    const codeLine = /Error Code:\s*(0x[0-9a-f]+|\d+)\s*([A-Z0-9_]*)/i.exec(message);
    const code = codeLine ? parseCode(codeLine[1] ?? '') : num(values[3]);
    if (code !== undefined) {
      d.errorCode = code;
      const name = codeLine?.[2] || str(values[4]) || lookupKerberosError(code)?.name;
      if (name) d.errorName = name;
    }
    assign(d, 'serverName', field('Server Name') ?? str(values[9]));
    assign(d, 'targetName', field('Target Name') ?? str(values[10]));
    assign(d, 'clientTime', field('Client Time') ?? str(values[1]));
    assign(d, 'serverTime', field('Server Time') ?? str(values[2]));
    return d;
  }
  if (is(KERBEROS_CLIENT_PROVIDERS) && id === 4) {
    const d: EventDetail = { kind: 'ap-err-modified' };
    const m = fromFirst(message, /from the server (.+?)\.\s+The target name used was (.+?)\.\s/iy);
    assign(d, 'server', m?.[1] ?? str(values[0]));
    assign(d, 'targetName', m?.[2] ?? str(values[2]));
    return d;
  }
  if (is(KDC_PROVIDERS) && id === 11) {
    const d: EventDetail = { kind: 'kdc-duplicate-name' };
    const m = fromFirst(`${message} `, /duplicate name is (.+?)(?: \(of type ([^)]+)\))?\.\s/iy);
    assign(d, 'duplicateName', m?.[1] ?? str(values[0]));
    assign(d, 'nameType', m?.[2] ?? str(values[1]));
    return d;
  }
  if (is(KDC_PROVIDERS) && id === 14) {
    const d: EventDetail = { kind: 'kdc-no-suitable-key' };
    const m = fromFirst(
      message,
      /request for target service (\S+?),\s*the account (.+?) did not have a suitable key/iy,
    );
    assign(d, 'targetService', m?.[1]);
    assign(d, 'account', m?.[2]);
    const etypes = (label: string): number[] | undefined => {
      const e = new RegExp(`${label} etypes\\s*:\\s*([-\\d\\s]+)`, 'i').exec(message);
      return e ? (e[1] ?? '').trim().split(/\s+/).filter(Boolean).map(Number) : undefined;
    };
    const requested = etypes('requested');
    if (requested) d.requestedEtypes = requested;
    const available = etypes('available');
    if (available) d.availableEtypes = available;
    return d;
  }
  if (is(EXCHANGE_TRANSPORT_PROVIDERS) && id === 1035) {
    const d: EventDetail = { kind: 'exchange-inbound-auth-failed' };
    const m = fromFirst(
      message,
      /Inbound authentication failed with error (\S+) for Receive connector (.+?)\.\s*The authentication mechanism is (\S+?)\.\s*The source IP address of the client who tried to authenticate to Microsoft Exchange is \[([^\]]+)\]/iy,
    );
    assign(d, 'error', m?.[1] ?? str(values[0]));
    assign(d, 'connector', m?.[2] ?? str(values[1]));
    assign(d, 'mechanism', m?.[3] ?? str(values[2]));
    assign(d, 'sourceIp', m?.[4] ?? str(values[3]));
    return d;
  }
  return { kind: 'other' };
}

/**
 * `sticky` (a pattern with the `y` flag that starts with fixed words) tried once, where those words
 * first occur. An unanchored search would retry it after every occurrence, each time reading to the
 * end of the line: quadratic on a message that repeats the words without the rest.
 */
function fromFirst(message: string, sticky: RegExp): RegExpExecArray | null {
  const words = /^[\p{L} ]+/u.exec(sticky.source)?.[0] ?? '';
  const at = words === '' ? -1 : message.search(new RegExp(words, 'iu'));
  if (at < 0) return null;
  sticky.lastIndex = at;
  return sticky.exec(message);
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}
