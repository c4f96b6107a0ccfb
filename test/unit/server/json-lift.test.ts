/**
 * src/server/json-lift.ts parses an LSP body as JSON.parse would while decoding long strings in
 * place: the same value for any JSON (fuzzed, with escapes, control characters and characters
 * outside the BMP), a lone surrogate as U+FFFD, and the same errors for broken JSON.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeInPlace, parseJsonBody } from '../../../src/server/json-lift';

const body = (v: unknown): Buffer => Buffer.from(JSON.stringify(v), 'utf8');

describe('parseJsonBody (long strings decoded in place)', () => {
  it('gives what JSON.parse gives for any JSON value, lifting strings of 4 bytes and more', () => {
    // 'binary' strings: any code point, so \u escapes of control characters and UTF-8 of 1 to 4 bytes.
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('any'), { maxLength: 4 }),
        fc.dictionary(text, tie('any'), { maxKeys: 4 }),
      ),
    })).any;
    fc.assert(
      fc.property(value, (v) => {
        assert.deepEqual(parseJsonBody(body(v), 4), JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes every JSON escape, a surrogate pair, and backslashes before a quote', () => {
    const raw = '{"a":"x\\"y\\\\\\"z\\/\\b\\f\\n\\r\\t\\u00e9\\u4e2d\\ud83d\\ude00 end\\\\","b":1}';
    assert.deepEqual(parseJsonBody(Buffer.from(raw), 2), JSON.parse(raw));
  });

  it('turns a lone surrogate escape into U+FFFD (UTF-8 cannot hold it)', () => {
    assert.deepEqual(parseJsonBody(Buffer.from('["ab\\ud800cd"]'), 2), ['ab\uFFFDcd']);
    assert.deepEqual(parseJsonBody(Buffer.from('["ab\\udc00\\ud800"]'), 2), ['ab\uFFFD\uFFFD']);
  });

  it('keeps a long document text whole and leaves short strings to JSON.parse', () => {
    const text = 'line one\r\nline "two" \\ tab\there\r\n'.repeat(20_000);
    const msg = {
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri: 'file:///x.log', text } },
    };
    assert.deepEqual(parseJsonBody(body(msg)), msg);
  });

  it('cannot be fooled by a short string equal to a placeholder-like text', () => {
    const v = { a: '\u0000ead-lift-0', b: 'x'.repeat(10) };
    assert.deepEqual(parseJsonBody(body(v), 5), v);
  });

  it('throws on broken JSON as JSON.parse does: a bad escape, an unterminated string, trailing junk', () => {
    assert.throws(() => parseJsonBody(Buffer.from('["abcdef\\q"]'), 2), SyntaxError);
    assert.throws(() => parseJsonBody(Buffer.from('["abcdef\\u12G4"]'), 2), SyntaxError);
    assert.throws(() => parseJsonBody(Buffer.from('["abcdef'), 2), SyntaxError);
    assert.throws(() => parseJsonBody(Buffer.from('["abcdef"] x'), 2), SyntaxError);
  });

  it('decodes in place within the given span only', () => {
    const b = Buffer.from('"a\\nb" tail');
    assert.equal(decodeInPlace(b, 1, 5), 'a\nb');
    assert.equal(b.toString('utf8', 6), ' tail');
  });
});
