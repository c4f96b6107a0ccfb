import { strict as assert } from 'node:assert';
import type * as net from 'node:net';
import { probeSmtp, analyseKeywords, ehloArgument } from '../../../../src/core/probes/smtp';
import { parseReply } from '../../../../src/core/probes/smtp-reply';
import { bannerTime } from '../../../../src/core/steps/real-probes';
import { createNodeIo } from '../../../../src/io/node-io';
import { DoctorError } from '../../../../src/core/errors';
import { tcpServer } from '../../io/loopback';

/** The EHLO reply of an Exchange receive connector with ExchangeServer auth (verified-facts §5). */
const EXCHANGE_EHLO = [
  '250-mail1.fabrikam.com Hello [172.16.0.5]',
  '250-SIZE 37748736',
  '250-PIPELINING',
  '250-DSN',
  '250-ENHANCEDSTATUSCODES',
  '250-STARTTLS',
  '250-X-ANONYMOUSTLS',
  '250-AUTH NTLM',
  '250-X-EXPS GSSAPI NTLM',
  '250-8BITMIME',
  '250-BINARYMIME',
  '250-CHUNKING',
  '250 XRDST',
];
const BANNER = '220 mail1.fabrikam.com Microsoft ESMTP MAIL Service ready at Fri, 5 Aug 2016 16:24:41 -0700';

interface Script {
  banner?: string[];
  ehlo?: string[];
  /** Write the replies in pieces of this many bytes. */
  chunk?: number;
}

function smtpServer(script: Script, seen: string[] = []) {
  return tcpServer((s: net.Socket) => {
    const send = (lines: string[]): void => {
      const text = lines.map((l) => `${l}\r\n`).join('');
      const size = script.chunk ?? text.length;
      for (let i = 0; i < text.length; i += size) s.write(text.slice(i, i + size));
    };
    if (script.banner) send(script.banner);
    let buffer = '';
    s.on('data', (c: Buffer) => {
      buffer += c.toString();
      let i;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        seen.push(line);
        if (/^EHLO /i.test(line) && script.ehlo) send(script.ehlo);
        else if (/^QUIT/i.test(line)) s.end('221 2.0.0 Service closing transmission channel\r\n');
      }
    });
  });
}

describe('SMTP EHLO probe', () => {
  const io = createNodeIo();

  it('reads the keywords of an Exchange connector: X-ANONYMOUSTLS and X-EXPS mechanisms', async () => {
    const seen: string[] = [];
    const server = await smtpServer({ banner: [BANNER], ehlo: EXCHANGE_EHLO, chunk: 7 }, seen);
    try {
      const r = await probeSmtp(io, '127.0.0.1', server.port, { timeoutMs: 3000 });
      assert.equal(r.offersAnonymousTls, true);
      assert.deepEqual(r.expsMechanisms, ['GSSAPI', 'NTLM']);
      assert.equal(r.verbs.length, 12);
      assert.equal(r.verbs[0], 'SIZE 37748736');
      assert.equal(r.localAddress, '127.0.0.1');
      assert.deepEqual(seen, ['EHLO [127.0.0.1]', 'QUIT']);
    } finally {
      await server.close();
    }
  });

  it('reports a connector without Exchange Server authentication', async () => {
    const ehlo = EXCHANGE_EHLO.filter((l) => !/X-ANONYMOUSTLS|X-EXPS/.test(l));
    const server = await smtpServer({ banner: ['220-first line', BANNER], ehlo });
    try {
      const r = await probeSmtp(io, '127.0.0.1', server.port, { timeoutMs: 3000 });
      assert.equal(r.offersAnonymousTls, false);
      assert.deepEqual(r.expsMechanisms, []);
    } finally {
      await server.close();
    }
  });

  it('fails with a protocol error on a refusing greeting or a rejected EHLO', async () => {
    const refusing = await smtpServer({ banner: ['554 5.7.1 Client host rejected'] });
    const noEhlo = await smtpServer({ banner: [BANNER], ehlo: ['502 5.5.2 Command not recognized'] });
    try {
      await assert.rejects(
        probeSmtp(io, '127.0.0.1', refusing.port, { timeoutMs: 3000 }),
        (e: unknown) => e instanceof DoctorError && e.kind === 'protocol' && /554/.test(e.message),
      );
      await assert.rejects(
        probeSmtp(io, '127.0.0.1', noEhlo.port, { timeoutMs: 3000 }),
        (e: unknown) => e instanceof DoctorError && e.kind === 'protocol' && /502/.test(e.message),
      );
    } finally {
      await refusing.close();
      await noEhlo.close();
    }
  });

  it('times out on a silent server within the timeout, and stops on abort', async () => {
    const silent = await smtpServer({});
    try {
      const started = performance.now();
      await assert.rejects(
        probeSmtp(io, '127.0.0.1', silent.port, { timeoutMs: 300 }),
        (e: unknown) => e instanceof DoctorError && e.kind === 'timeout',
      );
      assert.ok(performance.now() - started < 1500);
      const c = new AbortController();
      setTimeout(() => c.abort(), 50);
      await assert.rejects(
        probeSmtp(io, '127.0.0.1', silent.port, { timeoutMs: 5000, signal: c.signal }),
        (e: unknown) => e instanceof DoctorError && e.kind === 'aborted',
      );
    } finally {
      await silent.close();
    }
  });

  it('bounds what it reads from a server that never ends its reply', async () => {
    const chatty = await tcpServer((s) => {
      const t = setInterval(() => s.write('220-'.padEnd(1000, 'x') + '\r\n'), 1);
      s.on('close', () => clearInterval(t));
    });
    try {
      await assert.rejects(probeSmtp(io, '127.0.0.1', chatty.port, { timeoutMs: 5000 }), /more than/);
    } finally {
      await chatty.close();
    }
  });

  it('fails as closed when the server hangs up before answering', async () => {
    const rude = await tcpServer((s) => s.end());
    try {
      await assert.rejects(probeSmtp(io, '127.0.0.1', rude.port, { timeoutMs: 2000 }), /closed the connection/);
    } finally {
      await rude.close();
    }
  });

  it('reads the banner date for step 1 through the shared greeting reader', async () => {
    const server = await smtpServer({ banner: [BANNER] });
    try {
      const a = await bannerTime(io, '127.0.0.1', server.port, { timeoutMs: 3000 });
      assert.equal(a.banner, BANNER);
      assert.equal(a.serverTimeMs, Date.parse('2016-08-05T23:24:41Z'));
    } finally {
      await server.close();
    }
  });
});

describe('SMTP reply helpers', () => {
  it('parse multi-line replies and keywords', () => {
    const reply = parseReply(EXCHANGE_EHLO);
    assert.equal(reply.code, 250);
    assert.equal(reply.lines[0], 'mail1.fabrikam.com Hello [172.16.0.5]');
    assert.deepEqual(analyseKeywords(['x-anonymoustls', 'X-EXPS EXCHANGEAUTH', 'X-EXPS GSSAPI NTLM']), {
      offersAnonymousTls: true,
      expsMechanisms: ['EXCHANGEAUTH', 'GSSAPI', 'NTLM'],
    });
    assert.deepEqual(analyseKeywords(['X-ANONYMOUSTLSX', 'AUTH GSSAPI']), {
      offersAnonymousTls: false,
      expsMechanisms: [],
    });
  });

  it('use an address literal as the EHLO argument', () => {
    assert.equal(ehloArgument('10.0.0.5'), '[10.0.0.5]');
    assert.equal(ehloArgument('fd00::5'), '[IPv6:fd00::5]');
    assert.equal(ehloArgument(undefined), 'exchange-auth-doctor.invalid');
  });
});
