/**
 * An Exchange receiver that stalls in the middle of the TLS handshake: it greets, answers EHLO
 * with X-ANONYMOUSTLS, says `220 2.0.0 SMTP server ready` to it, and then never answers the
 * ClientHello (a hung transport service, or a device that swallows TLS). Loopback only.
 */
import * as net from 'node:net';

export interface StallingServer {
  host: string;
  port: number;
  /** Bytes received after the 220 to X-ANONYMOUSTLS (the ClientHello), summed over connections. */
  readonly handshakeBytes: number;
  close(): Promise<void>;
}

export async function startStallingServer(fqdn: string, host = '127.0.0.1'): Promise<StallingServer> {
  const sockets = new Set<net.Socket>();
  let handshakeBytes = 0;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    let stalled = false;
    let buffer = '';
    socket.write(
      `220 ${fqdn} Microsoft ESMTP MAIL Service ready at ${new Date().toUTCString().replace('GMT', '+0000')}\r\n`,
    );
    socket.on('data', (chunk: Buffer) => {
      if (stalled) {
        handshakeBytes += chunk.length;
        return;
      }
      buffer += chunk.toString('latin1');
      let at: number;
      while (!stalled && (at = buffer.indexOf('\n')) >= 0) {
        const verb = (buffer.slice(0, at).trim().split(/\s+/)[0] ?? '').toUpperCase();
        buffer = buffer.slice(at + 1);
        if (verb === 'EHLO')
          socket.write(
            `250-${fqdn} Hello\r\n250-STARTTLS\r\n250-X-ANONYMOUSTLS\r\n250-X-EXPS GSSAPI NTLM\r\n250 XRDST\r\n`,
          );
        else if (verb === 'X-ANONYMOUSTLS' || verb === 'STARTTLS') {
          socket.write('220 2.0.0 SMTP server ready\r\n');
          stalled = true;
        } else if (verb === 'QUIT') socket.end('221 2.0.0 Bye\r\n');
        else socket.write('500 5.3.3 Unrecognized command\r\n');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return {
    host,
    port: (server.address() as net.AddressInfo).port,
    get handshakeBytes() {
      return handshakeBytes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
