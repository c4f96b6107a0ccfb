/**
 * The lab's fake Exchange servers: one background process (started by the lab with tsx) that
 * opens an SMTP listener for every receive connector binding of every server, on the server's
 * own loopback address, and speaks as ./smtp-behaviour.ts says. STARTTLS and X-ANONYMOUSTLS
 * upgrade to real TLS with the server's own self-signed transport certificate (./exchange-certs.ts)
 * and the TLS versions the scenario gives it. Connectors sharing a port answer the clients their
 * RemoteIPRanges hold most narrowly (./connector-choice.ts); a client no connector holds is
 * dropped. A server behind SMTP inspection listens on an inner address, with the inspecting proxy
 * (./smtp-inspection.ts) on its own.
 *
 *   tsx test/lab/exchange-server.ts <config.json> <ready-file>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as tls from 'node:tls';
import {
  banner,
  respond,
  respondAuthData,
  type ListenerSpec,
  type ServerSpec,
  type SessionState,
} from './smtp-behaviour';
import { chooseConnector } from './connector-choice';
import { listenInspecting } from './smtp-inspection';

export interface ExchangeConfig {
  servers: ServerSpec[];
  /** Each reply (the banner too) waits this long, so every round trip takes that much longer. */
  latencyMs?: number;
  /** Used by servers without a certificate of their own. */
  tls: { key: string; cert: string };
}

const IDLE_MS = 60_000;
const MAX_LINE = 64 * 1024;

function serve(
  socket: net.Socket,
  server: ServerSpec,
  listener: ListenerSpec,
  secure: tls.SecureContext,
  latencyMs: number,
): void {
  const state: SessionState = { tls: false, greeted: false };
  const peer = socket.remoteAddress?.replace(/^::ffff:/, '') ?? 'unknown';
  let stream: net.Socket | tls.TLSSocket = socket;
  let buffer = '';
  let mode: 'command' | 'auth' | 'data' = 'command';

  // With latency, the reply leaves later on the stream it was meant for; timers of equal delay
  // keep their order, and a TLS upgrade waits behind the reply that announced it.
  const later = (f: () => void): void => {
    if (latencyMs > 0) setTimeout(f, latencyMs);
    else f();
  };
  const send = (text: string): void => {
    const target = stream;
    later(() => void (target.writable && target.write(`${text}\r\n`)));
  };
  const onLine = (line: string): boolean => {
    if (mode === 'data') {
      if (line === '.') {
        mode = 'command';
        send('250 2.6.0 Queued mail for delivery');
      }
      return true;
    }
    if (mode === 'auth') {
      mode = 'command';
      send(respondAuthData(server, line));
      return true;
    }
    const action = respond(server, listener, state, line, peer);
    send(action.reply);
    if (action.awaitAuthData) mode = 'auth';
    if (action.data) mode = 'data';
    if (action.close) {
      stream.end();
      return false;
    }
    if (action.startTls) {
      socket.off('data', onData);
      later(upgrade);
      return false;
    }
    return true;
  };
  const onData = (chunk: Buffer): void => {
    buffer += chunk.toString('latin1');
    if (buffer.length > MAX_LINE) {
      send('500 5.3.3 Line too long');
      stream.destroy();
      return;
    }
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at).replace(/\r$/, '');
      buffer = buffer.slice(at + 1);
      if (!onLine(line)) return;
    }
  };
  const upgrade = (): void => {
    socket.off('data', onData);
    buffer = '';
    const secured = new tls.TLSSocket(socket, { isServer: true, secureContext: secure });
    secured.on('error', () => secured.destroy());
    secured.on('data', onData);
    stream = secured;
    state.tls = true;
    state.greeted = false;
  };

  socket.setTimeout(IDLE_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('data', onData);
  send(banner(server, Date.now()));
}

function secureContextOf(server: ServerSpec, fallback: ExchangeConfig['tls']): tls.SecureContext {
  const t = server.tls;
  const legacy = t?.minVersion === 'TLSv1' || t?.minVersion === 'TLSv1.1';
  return tls.createSecureContext({
    key: readFileSync(t?.key ?? fallback.key),
    cert: readFileSync(t?.cert ?? fallback.cert),
    ...(t?.minVersion ? { minVersion: t.minVersion as tls.SecureVersion } : {}),
    ...(t?.maxVersion ? { maxVersion: t.maxVersion as tls.SecureVersion } : {}),
    // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level; an old SChannel still speaks them.
    ...(legacy ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
  });
}

export async function listenAll(config: ExchangeConfig): Promise<net.Server[]> {
  const servers: net.Server[] = [];
  const listen = async (srv: net.Server, address: string, port: number, name: string): Promise<void> => {
    await new Promise<void>((resolve, reject) => {
      srv.once('error', (e) => reject(new Error(`${name} cannot listen on ${address}:${port}: ${e.message}`)));
      srv.listen(port, address, () => resolve());
    });
    servers.push(srv);
  };
  for (const s of config.servers) {
    const secure = secureContextOf(s, config.tls);
    const ports = [...new Set(s.listeners.map((l) => l.port))];
    const own = s.inspectedFrom ?? s.address;
    for (const port of ports) {
      const onPort = s.listeners.filter((l) => l.port === port);
      const srv = net.createServer((socket) => {
        const peer = socket.remoteAddress ?? '';
        const l =
          onPort.length === 1 && !onPort[0]?.remoteIpRanges
            ? onPort[0]
            : chooseConnector(
                onPort.map((x) => ({ ...x, remoteIpRanges: x.remoteIpRanges ?? ['0.0.0.0/0', '::/0'] })),
                peer,
              );
        if (!l) {
          socket.destroy();
          return;
        }
        serve(socket, s, l, secure, config.latencyMs ?? 0);
      });
      await listen(srv, own, port, s.name);
      if (s.inspectedFrom) servers.push(await listenInspecting(s.address, s.inspectedFrom, port));
    }
  }
  return servers;
}

async function main(): Promise<void> {
  const [configFile, readyFile] = process.argv.slice(2);
  if (!configFile || !readyFile) throw new Error('usage: exchange-server.ts <config.json> <ready-file>');
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as ExchangeConfig;
  const servers = await listenAll(config);
  const stop = (): void => {
    for (const s of servers) s.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  writeFileSync(readyFile, `${process.pid} ${servers.length}\n`);
  console.log(
    `${new Date().toISOString()} listening: ${config.servers.map((s) => `${s.name} ${s.address}:${s.listeners.map((l) => l.port).join(',')}`).join('; ')}`,
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
