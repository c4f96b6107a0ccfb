/**
 * A 53-bit hash of a string, as a plain JavaScript number (exact up to 2^53), built from two
 * 32-bit FNV-1a passes with different offsets. Used to remember which SPNs were seen without
 * keeping the strings: two different SPNs share a hash with probability about n²/2^54 (about
 * 1 in 18,000 for a million SPNs), and every hit is confirmed against the directory anyway.
 */
const FNV_PRIME = 0x01000193;

export function hash53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x2f3a1b7d;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c ^ (i & 0xff), FNV_PRIME);
  }
  // Final avalanche so short strings that differ in one character spread over all bits.
  b ^= b >>> 15;
  b = Math.imul(b, 0x2c1b3c6d);
  b ^= b >>> 12;
  return (a >>> 0) + (b & 0x1fffff) * 0x1_0000_0000;
}
