/**
 * Characters that hide or reorder text: zero-width space, non-joiner and joiner, the left-to-right
 * and right-to-left marks, the bidirectional embeddings, overrides and isolates, the Arabic letter
 * mark, the word joiner and invisible operators, and the byte-order mark. A command line holding
 * one can read differently in the consent dialog from what the shell runs.
 */
export const INVISIBLE_AND_BIDI: readonly string[] = [
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
  '\u2066', '\u2067', '\u2068', '\u2069',
  '\u061c', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064',
  '\ufeff',
];

/** Names an attacker (or a bad paste) might hand us. None may pass host-name validation. */
export const HOSTILE_NAMES: readonly string[] = [
  'ex01;rm -rf /',
  'ex01;',
  'ex01&calc',
  'ex01&&whoami',
  'ex01|nc evil 1',
  'ex01||x',
  'ex01`id`',
  '`id`',
  '$(id)',
  'ex01$(id)',
  '${IFS}',
  'ex01${x}',
  "ex01'",
  "ex01';whoami;'",
  'ex01"',
  'ex01"&calc&"',
  'ex01\u2019',
  'ex01\u2018;calc',
  'ex01\u201a',
  'ex01\u201b',
  'ex01\u201c',
  'ex01\nwhoami',
  'ex01\rwhoami',
  'ex01\r\n',
  'ex01\u0000',
  'ex\t01',
  'ex01 ',
  ' ex01',
  'ex 01',
  '\u0435x01', // Cyrillic small ie, looks like e
  'ex0\u0031\u0301',
  '\uff45\uff58\uff10\uff11', // fullwidth ex01
  'ex01\u200b', // zero-width space
  'ex01\u202e', // right-to-left override
  ...INVISIBLE_AND_BIDI.map((c) => `ex${c}01`),
  'ex01\u00a0',
  `${'a'.repeat(64)}.contoso.test`,
  `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, // 254 characters
  '-ex01',
  '-X',
  '--help',
  'ex01-',
  'ex01.-contoso.test',
  'ex..contoso.test',
  '.ex01',
  '..',
  'ex01.contoso.test..',
  '%COMPUTERNAME%',
  '!x!',
  'ex01^',
  'ex01<in',
  'ex01>out',
  'ex01*',
  'ex?1',
  'ex01#',
  'ex_01',
  'ex01/..',
  'ex01\\x',
  'ex01@evil',
  '1234',
  '256.1.1.1',
  'EXCHANGESERVER01', // 16 characters: too long for a NetBIOS name
  '',
];
