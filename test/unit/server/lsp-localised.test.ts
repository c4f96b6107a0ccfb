/**
 * The language server in the editor's display language (InitializeParams.locale): diagnostics and
 * hovers come from the message catalogue; a wrapped Format-List queue and a saved 1035 event get
 * their findings over the wire.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

interface Diag {
  range: { start: { line: number; character: number } };
  message: string;
  code: string;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const QUEUE = [
  '',
  'DeliveryType     : SmtpRelayToMailboxDeliveryGroup',
  'Status           : Retry',
  'LastError        : 451 4.4.0 Primary target IP address responded with: "454',
  '                   4.7.0 Temporary authentication failure." The last endpoint',
  '                   attempted was 10.0.0.12:2525',
  'Identity         : EX01\\3',
  '',
].join('\r\n');

async function startServer(
  locale: string,
): Promise<{ conn: MessageConnection; child: ChildProcess; diags: Map<string, Diag[]> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'src', 'server', 'main.ts'), '--stdio'],
    {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diags = new Map<string, Diag[]>();
  conn.onNotification('textDocument/publishDiagnostics', (p: unknown) => {
    const x = p as { uri: string; diagnostics: Diag[] };
    diags.set(x.uri, x.diagnostics);
  });
  conn.onRequest('workspace/codeLens/refresh', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale });
  await conn.sendNotification('initialized', {});
  return { conn, child, diags };
}

async function diagnosticsOf(
  s: { conn: MessageConnection; diags: Map<string, Diag[]> },
  uri: string,
  languageId: string,
  text: string,
): Promise<Diag[]> {
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  for (let i = 0; i < 200; i++) {
    const d = s.diags.get(uri);
    if (d) return d;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no diagnostics for ${uri}`);
}

describe('evidence language server in the display language', function () {
  this.timeout(60000);
  const servers: { conn: MessageConnection; child: ChildProcess }[] = [];
  after(() => {
    for (const s of servers) {
      s.conn.dispose();
      s.child.kill();
    }
  });

  it('Hebrew: the wrapped queue diagnostic and a reply-code hover are in Hebrew', async () => {
    const s = await startServer('he');
    servers.push(s);
    const uri = 'untitled:queue-he';
    const [d] = await diagnosticsOf(s, uri, 'exchange-queue', QUEUE);
    assert.equal(d?.code, 'auth-failure-relayed');
    assert.equal(d?.range.start.line, 3);
    assert.match(d.message, /הקפיצה הבאה 10\.0\.0\.12:2525/);
    assert.match(d.message, /שלב 1 \(שעונים\)/);
    const hover = await s.conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: QUEUE.split('\r\n')[3]!.indexOf('451') + 1 },
    });
    assert.match(hover?.contents.value ?? '', /תשובת SMTP \(כשל זמני/);
  });

  it('Chinese: a saved 1035 event names both ends in Chinese; English stays the default', async () => {
    const zh = await startServer('zh-CN');
    servers.push(zh);
    const xml = readFileSync(path.join(repoRoot, 'test/fixtures/localised/events/1035-wevtutil.xml'), 'utf8');
    const [d] = await diagnosticsOf(zh, 'untitled:events-zh', 'windows-event-log', xml);
    assert.equal(d?.code, 'event-1035');
    assert.match(
      d.message,
      /^事件 1035，入站身份验证失败（错误 IllegalMessage、连接器 Default EX02、机制 ExchangeAuth、来源 10\.0\.0\.11）/,
    );
    const en = await startServer('');
    servers.push(en);
    const [e] = await diagnosticsOf(en, 'untitled:events-en', 'windows-event-log', xml);
    assert.match(e!.message, /^Event 1035, inbound authentication failed \(error IllegalMessage/);
  });
});

describe('evidence language server: a folder scan joins both ends', function () {
  this.timeout(60000);
  it('the sender send log, the receiver 1035 XML and the DC KDC event become one correlated failure', async () => {
    const s = await startServer('nl');
    try {
      const folder = path.join(repoRoot, 'test/fixtures/localised/both-ends');
      const report = await s.conn.sendRequest<{
        correlated?: {
          sending: string;
          receiving: string;
          step: number;
          sources: string[];
          observations: { file?: string }[];
        }[];
        groups: unknown[];
      }>('exchangeAuthDoctor/scanFolder', { folder, scanId: 'both-ends' });
      assert.equal(report.correlated?.length, 1, JSON.stringify(report));
      const c = report.correlated[0]!;
      assert.equal(c.step, 3);
      assert.equal(c.sending, 'ex01.contoso.test');
      assert.deepEqual([...c.sources].sort(), ['event-1035', 'kerberos-event', 'send-log']);
      assert.deepEqual(c.observations.map((o) => o.file).sort(), [
        path.join('DC1', 'system-kdc.xml'),
        path.join('EX01', 'SEND2026120409-1.LOG'),
        path.join('EX02', 'application-1035.xml'),
      ]);
    } finally {
      s.conn.dispose();
      s.child.kill();
    }
  });
});
