/**
 * A firewall's SMTP inspection on the path to a fake Exchange server (the `smtp-inspection`
 * scenario): a TCP proxy on the server's address that forwards to the server on an inner address
 * and rewrites the conversation line by line, as Cisco documents the default ESMTP inspection of
 * its ASA firewalls ("Cisco ASA Series Firewall CLI Configuration Guide", Inspection of Basic
 * Internet Protocols, "Defaults for ESMTP Inspection"; mirror:
 * https://www.manualslib.com/manual/1531207/Cisco-Asa-Series.html?page=315):
 *   - the server banner is masked (`mask-banner`): the text after `220 ` becomes asterisks;
 *   - STARTTLS is removed (`no allow-tls`) and EHLO reply parameters other than the ones the
 *     inspection knows are masked (`match ehlo-reply-parameter others / mask`): the keyword is
 *     overwritten in place with X's of the same length, as captured through such firewalls
 *     (`250-XXXXXXXA` for `250-STARTTLS`, `250 XXXB` on the last line);
 *   - command verbs it does not know are masked, so the server never sees X-ANONYMOUSTLS.
 * KB 979175 names X-ANONYMOUSTLS, X-EXPS and GSSAPI as verbs such a device must pass between
 * Exchange servers; this proxy passes none of them.
 */
import * as net from 'node:net';

/** EHLO keywords the inspection knows (its `ehlo-reply-parameter` names), passed unchanged. */
const KNOWN_KEYWORDS = new Set([
  '8BITMIME',
  'AUTH',
  'BINARYMIME',
  'CHECKPOINT',
  'DSN',
  'ENHANCEDSTATUSCODES',
  'ETRN',
  'PIPELINING',
  'SIZE',
  'VRFY',
]);
/** Command verbs it passes; anything else is masked. */
const KNOWN_VERBS = new Set([
  'HELO',
  'EHLO',
  'MAIL',
  'RCPT',
  'DATA',
  'RSET',
  'NOOP',
  'QUIT',
  'VRFY',
  'EXPN',
  'HELP',
  'AUTH',
  'ETRN',
  'BDAT',
]);

export function maskBanner(line: string): string {
  const m = /^(220[ -])(.*)$/.exec(line);
  return m ? `${m[1] ?? ''}${'*'.repeat((m[2] ?? '').length)}` : line;
}

/** One line of an EHLO reply after its first: a keyword the inspection does not know is overwritten. */
export function maskEhloLine(line: string): string {
  const m = /^(250)([ -])(.*)$/.exec(line);
  if (!m) return line;
  const text = m[3] ?? '';
  const keyword = (text.split(/\s+/)[0] ?? '').toUpperCase();
  if (KNOWN_KEYWORDS.has(keyword) || text.length === 0) return line;
  const last = m[2] === ' ' ? 'B' : 'A';
  return `${m[1] ?? ''}${m[2] ?? ''}${'X'.repeat(text.length - 1)}${last}`;
}

export function maskCommand(line: string): string {
  const verb = (line.trim().split(/\s+/)[0] ?? '').toUpperCase();
  if (KNOWN_VERBS.has(verb) || verb === '') return line;
  return `${'X'.repeat(verb.length)}${line.trim().slice(verb.length)}`;
}

/** Rewrites one client-server session; returns the line transformers of each direction. */
export function inspectionSession(): { fromClient: (line: string) => string; fromServer: (line: string) => string } {
  let bannerSeen = false;
  let ehloReply: 'none' | 'first' | 'rest' = 'none';
  return {
    fromClient(line) {
      if (/^\s*EHLO\b/i.test(line)) ehloReply = 'first';
      return maskCommand(line);
    },
    fromServer(line) {
      if (!bannerSeen) {
        bannerSeen = true;
        return maskBanner(line);
      }
      if (ehloReply === 'first') {
        ehloReply = /^\d{3} /.test(line) ? 'none' : 'rest';
        return line;
      }
      if (ehloReply === 'rest') {
        if (/^\d{3} /.test(line)) ehloReply = 'none';
        return maskEhloLine(line);
      }
      return line;
    },
  };
}

function pipeLines(from: net.Socket, to: net.Socket, rewrite: (line: string) => string): void {
  let buffer = '';
  from.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at).replace(/\r$/, '');
      buffer = buffer.slice(at + 1);
      if (to.writable) to.write(`${rewrite(line)}\r\n`, 'latin1');
    }
    if (buffer.length > 64 * 1024) from.destroy();
  });
  from.on('end', () => to.end());
}

/** Listens on `address:port` and forwards each connection to `inner:port` through the inspection. */
export function listenInspecting(address: string, inner: string, port: number): Promise<net.Server> {
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: inner, port });
    const session = inspectionSession();
    const close = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
    pipeLines(client, upstream, session.fromClient);
    pipeLines(upstream, client, session.fromServer);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e) =>
      reject(new Error(`the inspecting proxy cannot listen on ${address}:${port}: ${e.message}`)),
    );
    server.listen(port, address, () => resolve(server));
  });
}
