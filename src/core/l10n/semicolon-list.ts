/**
 * A list whose items hold commas themselves ("SMTPSVC/a on X, Y; SMTPSVC/b on Z"): the catalogue
 * joins a plain list with the language's comma, so these items are chained with a semicolon phrase
 * instead (`{first}; {rest}`, nested), which keeps the English text as it was and gives each
 * language its own semicolon.
 */
import type { LocalParam } from '../../shared/local-text';

/** The items as one param: the item itself for one, a nested `fp.1.semicolons` phrase for more. */
export function semicolonList(items: readonly LocalParam[]): LocalParam {
  const [first, ...rest] = items;
  if (first === undefined) return '';
  if (!rest.length) return first;
  return { key: 'fp.1.semicolons', params: { first, rest: semicolonList(rest) } };
}
