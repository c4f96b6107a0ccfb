/**
 * What an Exchange receive connector says on the wire (pure), for the lab's fake Exchange servers:
 * the banner with the server's clock, the EHLO keywords its AuthMechanism flags give, and the
 * replies to the commands a diagnosis or a sending Exchange server uses. No real authentication
 * happens: X-EXPS/AUTH end in `454 4.7.0 Temporary authentication failure` when the scenario
 * breaks Kerberos for this server, and are accepted otherwise.
 */
export interface ListenerSpec {
  port: number;
  connector: string;
  /** msExchSMTPReceiveInboundSecurityFlag of the connector. */
  flags: number;
  /** msExchSmtpReceiveRole: 32 hub, 16384 frontend. */
  role: number;
  /** msExchSmtpReceiveRemoteIPRanges: which clients this connector takes (all when absent). */
  remoteIpRanges?: string[];
}

/** The server's transport certificate and the TLS versions its SChannel allows. */
export interface ServerTls {
  key: string;
  cert: string;
  /** Node's names: `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3`; Node's defaults when absent. */
  minVersion?: string;
  maxVersion?: string;
}

export interface ServerSpec {
  name: string;
  fqdn: string;
  address: string;
  /** Added to this machine's clock for the banner (the clock-skew scenario). */
  clockOffsetMs: number;
  /** UTC offset of the server's local time, in minutes (the banner shows local time). */
  zoneMinutes: number;
  /** Kerberos for this server is broken in the scenario: X-EXPS and AUTH get 454 4.7.0. */
  authFails: boolean;
  listeners: ListenerSpec[];
  tls?: ServerTls;
  /**
   * Behind an SMTP-inspecting firewall (./smtp-inspection.ts): the server listens on this inner
   * address and the inspecting proxy on `address`.
   */
  inspectedFrom?: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** `Fri, 5 Aug 2016 16:24:41 -0700`: the date as Exchange writes it in its banner. */
export function exchangeDate(utcMs: number, zoneMinutes: number): string {
  const d = new Date(utcMs + zoneMinutes * 60_000);
  const sign = zoneMinutes < 0 ? '-' : '+';
  const z = Math.abs(zoneMinutes);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(z / 60))}${pad(z % 60)}`;
}

export function banner(server: ServerSpec, nowMs: number): string {
  return `220 ${server.fqdn} Microsoft ESMTP MAIL Service ready at ${exchangeDate(nowMs + server.clockOffsetMs, server.zoneMinutes)}`;
}

const has = (flags: number, bit: number): boolean => (flags & bit) !== 0;

/** EHLO keywords, in Exchange's order, for a connector's flags, before or after TLS. */
export function ehloKeywords(listener: ListenerSpec, tls: boolean): string[] {
  const f = listener.flags;
  const hub = listener.role === 32;
  const integrated = has(f, 2);
  const exchangeServer = has(f, 16);
  const basic = has(f, 4) && (!has(f, 8) || tls);
  const auth = [...(integrated ? ['NTLM'] : []), ...(basic ? ['LOGIN'] : [])];
  const exps = [
    ...(exchangeServer && tls ? ['EXCHANGEAUTH'] : []),
    ...(integrated || exchangeServer ? ['GSSAPI', 'NTLM'] : []),
  ];
  return [
    'SIZE 37748736',
    'PIPELINING',
    'DSN',
    'ENHANCEDSTATUSCODES',
    ...(has(f, 1) && !tls ? ['STARTTLS'] : []),
    ...(exchangeServer && !tls ? ['X-ANONYMOUSTLS'] : []),
    ...(auth.length ? [`AUTH ${auth.join(' ')}`] : []),
    ...(exps.length ? [`X-EXPS ${exps.join(' ')}`] : []),
    '8BITMIME',
    'BINARYMIME',
    'CHUNKING',
    ...(hub ? ['XEXCH50'] : []),
    'XRDST',
    ...(hub ? ['XSHADOWREQUEST'] : []),
  ];
}

export function ehloReply(server: ServerSpec, listener: ListenerSpec, tls: boolean, peer: string): string {
  const lines = [`${server.fqdn} Hello [${peer}]`, ...ehloKeywords(listener, tls)];
  return lines.map((l, i) => `250${i === lines.length - 1 ? ' ' : '-'}${l}`).join('\r\n');
}

export type Action = { reply: string; close?: boolean; startTls?: boolean; awaitAuthData?: boolean; data?: boolean };

export const TEMP_AUTH_FAILURE = '454 4.7.0 Temporary authentication failure';

/** A GSSAPI/SPNEGO token starts with 0x60, an NTLM one with `NTLMSSP\0`; nothing else is taken. */
export function plausibleAuthBlob(base64: string): boolean {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return false;
  const b = Buffer.from(text, 'base64');
  return b[0] === 0x60 || b.subarray(0, 8).toString('latin1') === 'NTLMSSP\0';
}

export interface SessionState {
  tls: boolean;
  greeted: boolean;
}

/** The reply to one command line (not DATA content). */
export function respond(
  server: ServerSpec,
  listener: ListenerSpec,
  state: SessionState,
  line: string,
  peer: string,
): Action {
  const [verbRaw = '', ...rest] = line.trim().split(/\s+/);
  const verb = verbRaw.toUpperCase();
  const offered = ehloKeywords(listener, state.tls);
  switch (verb) {
    case 'EHLO':
      state.greeted = true;
      return { reply: ehloReply(server, listener, state.tls, peer) };
    case 'HELO':
      state.greeted = true;
      return { reply: `250 ${server.fqdn} Hello [${peer}]` };
    case 'STARTTLS':
    case 'X-ANONYMOUSTLS':
      if (state.tls || !offered.includes(verb)) return { reply: '500 5.3.3 Unrecognized command' };
      return { reply: '220 2.0.0 SMTP server ready', startTls: true };
    case 'X-EXPS':
    case 'AUTH': {
      const mech = (rest[0] ?? '').toUpperCase();
      const list =
        offered
          .find((k) => k.startsWith(`${verb} `))
          ?.split(' ')
          .slice(1) ?? [];
      if (!list.includes(mech)) return { reply: '504 5.7.4 Unrecognized authentication type' };
      if (server.authFails) return { reply: TEMP_AUTH_FAILURE };
      if (rest[1])
        return {
          reply: plausibleAuthBlob(rest[1])
            ? '235 2.7.0 Authentication successful'
            : '535 5.7.3 Authentication unsuccessful',
        };
      return { reply: '334 ', awaitAuthData: true };
    }
    case 'MAIL':
      return { reply: state.greeted ? '250 2.1.0 Sender OK' : '503 5.5.2 Send hello first' };
    case 'RCPT':
      return { reply: '250 2.1.5 Recipient OK' };
    case 'DATA':
      return { reply: '354 Start mail input; end with <CRLF>.<CRLF>', data: true };
    case 'RSET':
      return { reply: '250 2.0.0 Resetting' };
    case 'NOOP':
      return { reply: '250 2.0.0 OK' };
    case 'QUIT':
      return { reply: '221 2.0.0 Service closing transmission channel', close: true };
    default:
      return { reply: `500 5.3.3 Unrecognized command '${verbRaw.slice(0, 32)}'` };
  }
}

/** The reply to the client's continuation line after `334`. */
export function respondAuthData(server: ServerSpec, line: string): string {
  if (line.trim() === '*') return '501 5.0.0 Authentication cancelled';
  if (server.authFails) return TEMP_AUTH_FAILURE;
  return plausibleAuthBlob(line) ? '235 2.7.0 Authentication successful' : '535 5.7.3 Authentication unsuccessful';
}
