/**
 * Analysis of Exchange SMTP protocol logs (Send and Receive): sessions by session id, the command
 * each reply answers, what the EHLO reply offered, and the failures of Exchange Server
 * authentication with the ends of the connection.
 *
 * Direction: in a Receive log the remote end sends the commands (`<`) and this server replies
 * (`>`); in a Send log this server sends the commands (`>`) and the remote end replies (`<`).
 */
import type { Step } from '../../shared/findings';
import { parseEndpoint, formatHost } from './endpoint';
import { findFailures } from './failure-patterns';
import { formatDelay, parseMailDate } from './mail-date';
import { iterateLines, longLineFinding, MAX_ANALYSED_LINE } from './lines';
import { findingFromHit } from './messages';
import type {
  EvidenceAnalysis,
  EvidenceFinding,
  EvidenceSymbol,
  HostEnd,
  HostMention,
  TextRange,
} from '../../shared/evidence-model';
import { applyDirective, newHeader, PROTOCOL_LOG_FIELDS, readRecord } from './w3c';
import { stepsText, text as localText, worded } from '../l10n/render';
import { betweenText } from './messages';

export const MAX_SYMBOLS = 5000;
export const MAX_MALFORMED = 50;
export const MAX_FINDINGS = 5000;

interface Session {
  id: string;
  firstLine: number;
  lastLine: number;
  lastLineLength: number;
  remote?: HostEnd;
  local?: HostEnd;
  /** Server name from a receive connector id (`EX02\Default EX02`). */
  localServer?: string;
  lastCommand?: string;
  awaitingContinuation: boolean;
  exchangeBanner: boolean;
  ehloLine?: { line: number; start: number; end: number };
  offersAnonTls: boolean;
  offersExps: boolean;
  lastReply?: string;
  failure?: string;
  findings: number;
  mentionAdded: boolean;
}

const REPLY = /^([2-5]\d\d)([ -])/;
const COMMAND = /^([A-Za-z][A-Za-z0-9-]{0,30})(?: +([A-Za-z0-9-]{1,30}))?/;

function isSendLog(logType: string | undefined, fileName: string | undefined): boolean | undefined {
  if (logType) {
    if (/send/i.test(logType)) return true;
    if (/receive/i.test(logType)) return false;
  }
  if (fileName) {
    const base = fileName.replace(/^.*[\\/]/, '');
    if (/^SEND/i.test(base)) return true;
    if (/^RECV/i.test(base)) return false;
  }
  return undefined;
}

function endsOf(s: Session, send: boolean): { sending?: HostEnd; receiving?: HostEnd } {
  const local: HostEnd | undefined = s.local
    ? { ...s.local, ...(s.localServer ? { name: s.localServer } : {}) }
    : s.localServer
      ? { name: s.localServer }
      : undefined;
  const remote = s.remote;
  const out: { sending?: HostEnd; receiving?: HostEnd } = {};
  if (send) {
    if (local) out.sending = stripPort(local);
    if (remote) out.receiving = remote;
  } else {
    if (remote) out.sending = stripPort(remote);
    if (local) out.receiving = local;
  }
  return out;
}

function stripPort(h: HostEnd): HostEnd {
  const { port: _port, ...rest } = h;
  return rest;
}

function addMention(
  hosts: HostMention[],
  sess: Session,
  field: { start: number; end: number } | undefined,
  lineIndex: number,
  isSend: boolean,
  step: Step | undefined,
): void {
  if (sess.mentionAdded || !field) return;
  sess.mentionAdded = true;
  const e = endsOf(sess, isSend);
  const host = isSend ? e.receiving : e.sending;
  if (!host) return;
  const peer = isSend ? e.sending : e.receiving;
  hosts.push({
    range: { line: lineIndex, start: field.start, end: field.end },
    host,
    role: isSend ? 'receiving' : 'sending',
    ...(peer ? { peer } : {}),
    ...(step ? { step } : {}),
  });
}

/** Short outcome for the outline: the reply code when there is one, else what failed. */
function outcomeLabel(code: string, text: string): string {
  const reply = /^[45]\d\d [45]\.\d{1,3}\.\d{1,3}/.exec(text.trim());
  if (reply) return reply[0];
  return code === 'tls-failed'
    ? 'TLS negotiation failed'
    : code === 'unexpected-exchange-auth-blob'
      ? 'UnexpectedExchangeAuthBlob'
      : code;
}

export interface ProtocolLogOptions {
  /** A banner clock this many seconds away from the log's time is a warning (step 1). */
  clockWarningSeconds: number;
  /** Beyond this many minutes the warning is an error (Kerberos tolerance). */
  clockToleranceMinutes: number;
}

const BANNER_TIME = / ready at (.{10,60})$/;

/**
 * In a Send log the remote server's 220 banner carries its clock ("ready at <date>", 1 s precision,
 * with its UTC offset) and the line's date-time is this server's clock (UTC, ms): their difference
 * is the skew between the two servers, give or take the network delay.
 */
function bannerSkew(data: string, dateTime: string | undefined): number | undefined {
  const m = BANNER_TIME.exec(data);
  if (!m || !dateTime) return undefined;
  const remote = parseMailDate(m[1]!);
  const local = Date.parse(dateTime);
  if (!remote?.hasZone || !Number.isFinite(local)) return undefined;
  return remote.time - local;
}

export function analyseProtocolLog(
  text: string,
  fileName?: string,
  options: ProtocolLogOptions = { clockWarningSeconds: 60, clockToleranceMinutes: 5 },
): EvidenceAnalysis {
  const header = newHeader(PROTOCOL_LOG_FIELDS);
  const sessions = new Map<string, Session>();
  const order: Session[] = [];
  const findings: EvidenceFinding[] = [];
  const hosts: HostMention[] = [];
  let malformed = 0;
  let send = isSendLog(undefined, fileName);

  for (const line of iterateLines(text)) {
    if (line.length === 0) continue;
    if (line.length > MAX_ANALYSED_LINE && findings.length < MAX_FINDINGS) {
      findings.push(longLineFinding(line));
    }
    if (applyDirective(header, line.text)) {
      const s = isSendLog(header.logType, undefined);
      if (s !== undefined) send = s;
      continue;
    }
    const rec = readRecord(header, line.text);
    const sid = rec.get('session-id');
    const event = rec.get('event');
    const data = rec.get('data');
    if (!sid || !event || rec.fields.length < Math.min(header.fields.length, 7) - 1) {
      if (malformed < MAX_MALFORMED && findings.length < MAX_FINDINGS) {
        malformed++;
        findings.push({
          code: 'malformed',
          severity: 'information',
          range: { line: line.index, start: 0, end: line.text.length },
          ...worded('ev.malformed-record', { got: rec.fields.length, want: header.fields.length }),
          steps: [],
        });
      }
      // Still look for failure text: a pasted or truncated line can hold one.
      for (const hit of findFailures(line.text)) {
        if (findings.length < MAX_FINDINGS)
          findings.push(findingFromHit(hit, { line: line.index, start: hit.start, end: hit.end }));
      }
      continue;
    }
    let s = sessions.get(sid.value);
    if (!s) {
      s = {
        id: sid.value,
        firstLine: line.index,
        lastLine: line.index,
        lastLineLength: line.text.length,
        awaitingContinuation: false,
        exchangeBanner: false,
        offersAnonTls: false,
        offersExps: false,
        findings: 0,
        mentionAdded: false,
      };
      sessions.set(sid.value, s);
      if (order.length < MAX_SYMBOLS) order.push(s);
    }
    s.lastLine = line.index;
    s.lastLineLength = line.text.length;
    const remoteField = rec.get('remote-endpoint');
    if (!s.remote && remoteField) {
      const r = parseEndpoint(remoteField.value);
      if (r) s.remote = r;
    }
    if (!s.local) {
      const l = rec.get('local-endpoint');
      const p = l ? parseEndpoint(l.value) : undefined;
      if (p) s.local = p;
    }
    if (!s.localServer) {
      const c = rec.get('connector-id')?.value ?? '';
      const m = /^([A-Za-z0-9-]{1,63})\\/.exec(c);
      if (m) s.localServer = m[1];
    }

    const ev = event.value.trim();
    const d = data?.value ?? '';
    const dataStart = data ? data.start + (line.text.charCodeAt(data.start) === 34 ? 1 : 0) : 0;
    // A Receive log never receives replies; a `<` reply means a Send log even without a header.
    if (send === undefined && ev === '<' && REPLY.test(d)) send = true;
    const isCommandLine = send ? ev === '>' : ev === '<';
    const isReplyLine = send ? ev === '<' : ev === '>';
    const reply = isReplyLine ? REPLY.exec(d) : null;

    if (reply) {
      s.lastReply = d.slice(0, 60);
      if (reply[1] === '220' && /Microsoft ESMTP MAIL Service/i.test(d)) {
        s.exchangeBanner = true;
        const skew = send ? bannerSkew(d, rec.get('date-time')?.value) : undefined;
        // The banner has whole seconds; allow 1 s more than the threshold.
        if (
          skew !== undefined &&
          Math.abs(skew) > options.clockWarningSeconds * 1000 + 1000 &&
          findings.length < MAX_FINDINGS
        ) {
          const m = BANNER_TIME.exec(d)!;
          const at = dataStart + d.length - m[1]!.length;
          const beyond = Math.abs(skew) > options.clockToleranceMinutes * 60000;
          const e = endsOf(s, true);
          findings.push({
            code: 'clock-skew',
            severity: beyond ? 'error' : 'warning',
            range: { line: line.index, start: at, end: at + m[1]!.length },
            steps: [1],
            ...worded('ev.banner-skew', {
              host: formatHost(s.remote),
              delay: formatDelay(skew),
              beyond: beyond ? localText('ev.beyond-tolerance', { minutes: options.clockToleranceMinutes }) : '',
              steps: stepsText([1]),
            }),
            ...e,
          });
          s.findings++;
          s.failure ??= 'clock skew';
          addMention(hosts, s, rec.get('remote-endpoint'), line.index, true, 1);
        }
      }
      if (reply[1] === '250' && /X-ANONYMOUSTLS|X-EXPS|Hello|PIPELINING|ENHANCEDSTATUSCODES/.test(d)) {
        if (/\bX-ANONYMOUSTLS\b/.test(d)) s.offersAnonTls = true;
        if (/\bX-EXPS\b/.test(d)) s.offersExps = true;
        if (!s.ehloLine) s.ehloLine = { line: line.index, start: dataStart, end: dataStart + d.length };
      }
    }

    const hits = findFailures(line.text);
    const needEnds = hits.length > 0 || (reply && reply[1]! >= '400' && s.lastCommand);
    const ends = needEnds ? endsOf(s, !!send) : {};
    for (const hit of hits) {
      if (findings.length >= MAX_FINDINGS) break;
      const f = findingFromHit(
        hit,
        { line: line.index, start: hit.start, end: hit.end },
        { ...(s.lastCommand ? { answered: s.lastCommand } : {}), writtenBy: send ? 'sending' : 'receiving', ...ends },
      );
      findings.push(f);
      s.findings++;
      s.failure ??= outcomeLabel(f.code, line.text.slice(hit.start, hit.end));
      addMention(hosts, s, rec.get('remote-endpoint'), line.index, !!send, f.steps[0]);
    }
    if (reply && hits.length === 0 && (reply[1]!.startsWith('4') || reply[1]!.startsWith('5')) && s.lastCommand) {
      // A refused X-EXPS or X-ANONYMOUSTLS without the 454 text (e.g. 535 5.7.3, 504 5.7.4).
      const cmd = s.lastCommand;
      const code = /^X-EXPS\b/i.test(cmd)
        ? 'x-exps-failed'
        : /^X-ANONYMOUSTLS\b/i.test(cmd)
          ? 'x-anonymoustls-failed'
          : undefined;
      if (code && findings.length < MAX_FINDINGS) {
        const range: TextRange = { line: line.index, start: dataStart, end: dataStart + d.length };
        const steps: Step[] = code === 'x-exps-failed' ? [3, 1, 6] : [6];
        findings.push({
          code,
          severity: 'error',
          range,
          steps,
          ...worded('ev.command-refused', {
            command: cmd,
            reply: d.slice(0, 80),
            between: betweenText(ends),
            steps: stepsText(steps),
          }),
          ...ends,
        });
        s.findings++;
        s.failure ??= outcomeLabel(code, d);
        addMention(hosts, s, rec.get('remote-endpoint'), line.index, !!send, steps[0]);
      }
    }

    if (isCommandLine) {
      if (s.awaitingContinuation) {
        // The client's SASL blob after a 334; not a command.
      } else {
        const m = COMMAND.exec(d);
        if (m)
          s.lastCommand =
            m[2] && /^(X-EXPS|AUTH)$/i.test(m[1]!) ? `${m[1]!.toUpperCase()} ${m[2]}` : m[1]!.toUpperCase();
      }
    }
    if (reply) s.awaitingContinuation = reply[1] === '334';

    if (
      ev === '-' &&
      send &&
      s.exchangeBanner &&
      s.ehloLine &&
      !s.offersAnonTls &&
      !s.offersExps &&
      findings.length < MAX_FINDINGS
    ) {
      findings.push({
        code: 'no-exchange-auth-offered',
        severity: 'information',
        range: { line: s.ehloLine.line, start: s.ehloLine.start, end: s.ehloLine.end },
        ...worded('ev.no-exchange-auth-offered', { host: formatHost(s.remote), steps: stepsText([6]) }),
        steps: [6],
        ...endsOf(s, true),
      });
    }
  }

  const symbols: EvidenceSymbol[] = order.map((s) => {
    const outcome = s.failure
      ? `failed: ${s.failure}`
      : s.lastReply
        ? `last reply ${s.lastReply.slice(0, 3)}`
        : 'no reply';
    return {
      name: s.id,
      detail: `${formatHost(s.remote)} · ${outcome}`,
      kind: 'session',
      range: { line: s.firstLine, start: 0, end: s.lastLineLength, endLine: s.lastLine },
      selection: { line: s.firstLine, start: 0, end: 0 },
    };
  });
  return { kind: send ? 'smtp-send-log' : 'smtp-receive-log', findings, symbols, hosts };
}
