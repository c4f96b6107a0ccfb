/**
 * Watches the bytes a directory sends and stops a connection whose next LDAP message announces
 * more than a limit. ldapts keeps a message in memory until all of it has arrived and has no
 * limit of its own, so a server (or, before StartTLS, anyone on the path) that announces a huge
 * length and keeps sending would fill memory until the deadline: 267 MB in 10 s was measured.
 *
 * Each LDAPMessage is a BER SEQUENCE: tag 0x30, then its length, short form (one byte below 0x80)
 * or long form (0x80 + n, then n big-endian bytes). The guard reads only the tag and the length
 * of each message and skips the body by counting, so it costs O(1) per chunk plus the headers.
 */

export type FrameVerdict = { ok: true } | { ok: false; announced: number };

export class LdapFrameGuard {
  /** Bytes of the current message's body still to skip. */
  private remaining = 0;
  /** Reading a header: the bytes of it seen so far (tag, first length byte, length bytes). */
  private header: number[] = [];

  constructor(readonly maxMessageBytes: number) {}

  /** Feeds the next bytes received; returns not ok once a message announces more than the limit. */
  push(chunk: Uint8Array): FrameVerdict {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const skip = Math.min(this.remaining, chunk.length - at);
        this.remaining -= skip;
        at += skip;
        continue;
      }
      this.header.push(chunk[at++] ?? 0);
      const verdict = this.readHeader();
      if (verdict && !verdict.ok) return verdict;
    }
    return { ok: true };
  }

  /** Undefined while the header is incomplete; sets `remaining` once it is whole. */
  private readHeader(): FrameVerdict | undefined {
    const h = this.header;
    if (h.length < 2) return undefined;
    const first = h[1] ?? 0;
    let length: number;
    if (first < 0x80) length = first;
    else {
      const n = first & 0x7f;
      // Indefinite length (0x80) is not allowed in LDAP (RFC 4511 §5.1); more than 4 length
      // bytes cannot describe a message under any limit this guard is given.
      if (n === 0 || n > 4) return { ok: false, announced: n === 0 ? Infinity : 2 ** 32 };
      if (h.length < 2 + n) return undefined;
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + (h[2 + i] ?? 0);
    }
    this.header = [];
    if (length > this.maxMessageBytes) return { ok: false, announced: length };
    this.remaining = length;
    return { ok: true };
  }
}
