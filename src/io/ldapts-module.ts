/**
 * ldapts, loaded on first use rather than when the extension activates: in the extension bundle it
 * is a file of its own (dist/lib/ldapts.js, scripts/build.mjs) that this `require` reads the first
 * time a directory is read, so activation does not parse it. Types come from `import type`.
 */
import type * as Ldapts from 'ldapts';

export type { Ldapts };

export function ldapts(): typeof Ldapts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use on purpose
  return require('ldapts') as typeof Ldapts;
}
