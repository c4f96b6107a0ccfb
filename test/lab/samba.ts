/**
 * One Samba AD DC of the lab: its smb.conf (every runtime folder inside the DC's own folder, so
 * two DCs never share a pid, socket or lock file; the lab CA's certificate for LDAPS; schema
 * updates allowed), starting it in the background, waiting until LDAPS, Kerberos, RPC and SMB
 * answer, and stopping it with all its children.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from 'ldapts';
import { paths, type DcSpec } from './layout';
import { findBinary, sleep } from './tools';
import { runningPid, startDaemon, stopTree } from './processes';
import { DC_TCP_PORTS, DC_UDP_PORTS, dcAddresses, waitForPortsFree } from './ports';

/** Services the lab does not need (NetBIOS name service, WINS, DNS updates, NTP signing). */
const SERVER_SERVICES = 's3fs, rpc, ldap, cldap, kdc, drepl, winbindd, kcc';

/** Sets `[global]` options of an smb.conf text, replacing earlier values of the same names (pure; idempotent). */
export function setGlobals(text: string, settings: readonly (readonly [string, string])[]): string {
  const names = new Set(settings.map(([k]) => k.toLowerCase()));
  const lines = text.split('\n').filter((l) => {
    const m = /^\s*([^=]+?)\s*=/.exec(l);
    return !(m?.[1] && names.has(m[1].toLowerCase()));
  });
  const at = lines.findIndex((l) => l.trim().toLowerCase() === '[global]');
  if (at < 0) throw new Error('smb.conf has no [global] section');
  lines.splice(at + 1, 0, ...settings.map(([k, v]) => `\t${k} = ${v}`));
  return lines.join('\n');
}

/** The lab's services without `off` (a scenario's stopped KDC): the value of `server services`. */
export function serverServices(off: readonly string[] = []): string {
  return SERVER_SERVICES.split(', ')
    .filter((x) => !off.includes(x))
    .join(', ');
}

/** Rewrites a stopped DC's `server services` line (pure on the text; the scenario's services off). */
export function withServices(text: string, off: readonly string[]): string {
  return text.replace(/^(\s*server services\s*=).*$/m, `$1 ${serverServices(off)}`);
}

export function setDcServices(dc: DcSpec, off: readonly string[]): void {
  const conf = paths.smbConf(dc);
  writeFileSync(conf, withServices(readFileSync(conf, 'utf8'), off));
}

/** Adds the lab's settings to the [global] section samba-tool wrote (pure; idempotent). */
export function tuneSmbConf(text: string, dir: string, tls: { key: string; cert: string; ca: string }): string {
  return setGlobals(text, [
    ['pid directory', `${dir}/run`],
    ['ncalrpc dir', `${dir}/run/ncalrpc`],
    ['winbindd socket directory', `${dir}/run/winbindd`],
    ['ntp signd socket directory', `${dir}/run/ntp_signd`],
    ['log file', `${dir}/log/samba.log`],
    ['log level', '1'],
    ['tls enabled', 'yes'],
    ['tls keyfile', tls.key],
    ['tls certfile', tls.cert],
    ['tls cafile', tls.ca],
    ['dsdb:schema update allowed', 'yes'],
    ['server services', SERVER_SERVICES],
    ['dns update command', '/bin/true'],
    ['spn update command', '/bin/true'],
    // A Windows DC's default before Windows Server 2025: LDAP signing not required. Samba's own
    // default ("yes") is what the ldap-signing-required scenario sets back.
    ['ldap server require strong auth', 'no'],
  ]);
}

/** Applies a scenario's smb.conf options to a stopped DC's live folder. */
export function setDcOptions(dc: DcSpec, options: Record<string, string>): void {
  const entries = Object.entries(options);
  if (!entries.length) return;
  const conf = paths.smbConf(dc);
  writeFileSync(conf, setGlobals(readFileSync(conf, 'utf8'), entries));
}

export function tuneDc(dc: DcSpec): void {
  const dir = paths.dc(dc);
  for (const sub of ['run', 'log']) mkdirSync(path.join(dir, sub), { recursive: true });
  const name = dc.name.toLowerCase();
  const conf = paths.smbConf(dc);
  writeFileSync(
    conf,
    tuneSmbConf(readFileSync(conf, 'utf8'), dir, {
      key: path.join(paths.tls, `${name}.key`),
      cert: path.join(paths.tls, `${name}.pem`),
      ca: paths.caFile,
    }),
  );
}

/**
 * What samba binds: DC1 `lo` (127.0.0.1 and ::1, as provisioned), DC2 its own address, or, with
 * the latency relay in front (./latency-relay.ts), the DC's inner address.
 */
export function interfacesFor(dc: DcSpec, behindRelay: boolean): string {
  if (behindRelay) return `${dc.innerAddress}/8`;
  return dc.address === '127.0.0.1' ? 'lo' : `${dc.address}/8`;
}

/** smb.conf with its `interfaces` line set to `value` (pure). */
export function withInterfaces(text: string, value: string): string {
  if (!/^\s*interfaces\s*=.*$/m.test(text)) throw new Error('smb.conf has no interfaces line');
  return text.replace(/^(\s*interfaces\s*=).*$/m, `$1 ${value}`);
}

/** Points a stopped DC's samba at its own address or, behind the relay, at its inner address. */
export function setListenAddress(dc: DcSpec, behindRelay: boolean): void {
  const conf = paths.smbConf(dc);
  writeFileSync(conf, withInterfaces(readFileSync(conf, 'utf8'), interfacesFor(dc, behindRelay)));
}

function listensOn(dc: DcSpec): string {
  const conf = readFileSync(paths.smbConf(dc), 'utf8');
  return conf.includes(`${dc.innerAddress}/8`) ? dc.innerAddress : dc.address;
}

export function isDcRunning(dc: DcSpec): boolean {
  return runningPid(paths.dcPid(dc)) !== undefined;
}

function dcPorts(dc: DcSpec) {
  return { addresses: dcAddresses(listensOn(dc)), tcp: DC_TCP_PORTS, udp: DC_UDP_PORTS };
}

/**
 * Starts samba once the DC's ports are free (a samba stopped a moment ago may still hold them, and
 * a new one would exit with "couldn't listen on ::1:135").
 */
export async function startDc(dc: DcSpec): Promise<void> {
  if (isDcRunning(dc)) return;
  await waitForPortsFree(dcPorts(dc), `${dc.name} cannot start`);
  const samba = findBinary('samba') ?? 'samba';
  startDaemon(samba, ['-s', paths.smbConf(dc), '-F', '-M', 'single'], {
    pidFile: paths.dcPid(dc),
    logFile: path.join(paths.logs, `${dc.name.toLowerCase()}.log`),
  });
}

export async function stopDc(dc: DcSpec): Promise<void> {
  await stopTree(paths.dcPid(dc), 5000);
}

function tcpOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

async function rootDseAnswers(dc: DcSpec, ca: string): Promise<boolean> {
  const client = new Client({
    url: `ldaps://${dc.host}:636`,
    timeout: 2000,
    connectTimeout: 2000,
    tlsOptions: { ca, servername: dc.host },
  });
  try {
    const { searchEntries } = await client.search('', { scope: 'base', attributes: ['dnsHostName'] });
    return searchEntries.length === 1;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/**
 * Waits until LDAPS (with the lab CA), Kerberos, RPC and SMB answer on the DC's address (Kerberos
 * only when the scenario runs the kdc service). A samba that exits early (a port taken at the
 * last moment) is started again once, after its ports are free.
 */
export async function waitForDc(
  dc: DcSpec,
  timeoutMs = 90_000,
  restarts = 1,
  servicesOff: readonly string[] = [],
): Promise<void> {
  const ca = readFileSync(paths.caFile, 'utf8');
  const deadline = Date.now() + timeoutMs;
  let left = restarts;
  while (Date.now() < deadline) {
    if (!isDcRunning(dc)) {
      const log = `see ${path.join(paths.logs, `${dc.name.toLowerCase()}.log`)} and ${paths.dc(dc)}/log/`;
      if (left-- <= 0) throw new Error(`samba for ${dc.name} exited during start; ${log}`);
      process.stderr.write(`lab: samba for ${dc.name} exited during start; starting it again (${log})\n`);
      await startDc(dc);
      continue;
    }
    const wanted = servicesOff.includes('kdc') ? [135, 445, 3269] : [88, 135, 445, 3269];
    const ports = await Promise.all(wanted.map((p) => tcpOpen(dc.address, p)));
    if (ports.every(Boolean) && (await rootDseAnswers(dc, ca))) return;
    await sleep(250);
  }
  const what = servicesOff.includes('kdc') ? 'LDAPS, RPC and SMB' : 'LDAPS, Kerberos, RPC and SMB';
  throw new Error(`${dc.name} (${dc.host}) did not answer ${what} within ${timeoutMs / 1000} s`);
}
