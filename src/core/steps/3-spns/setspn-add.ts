/**
 * Parser of `setspn -S <spn> <account>` (and the older -A, which behaves the same on current
 * Windows). Outcomes: registered (`Updated object`), refused because the SPN exists
 * (`Duplicate SPN found, aborting operation!`, with the account(s) that hold it), or an error.
 * In another display language the account is the DN inside the translated "Registering" sentence,
 * a duplicate is the holders listed without such a sentence, and "Updated object" comes from a
 * phrase table of verbatim forms (./setspn-localised.ts).
 */
import {
  type SetspnAccount,
  type SetspnScope,
  type SetspnToolError,
  isIndented,
  isSetspnErrorLine,
  looksLikeDn,
  readBlocks,
  readSetspnError,
} from './setspn-common';
import { dnInSentence, isUpdatedObject, localisedChecking } from './setspn-localised';
import {
  type ParseOutcome,
  type ParseProblem,
  isBlank,
  problem,
  recognised,
  toLines,
  unrecognised,
} from '../../parsers/result';

export type SetspnAddResult =
  | (SetspnScope & { kind: 'registered'; accountDn: string; spns: string[] })
  | (SetspnScope & { kind: 'duplicate'; conflicts: SetspnAccount[] })
  /** setspn named the account and SPNs but did not say `Updated object` (output cut short). */
  | (SetspnScope & { kind: 'unconfirmed'; accountDn: string; spns: string[] })
  | (SetspnScope & { kind: 'error'; error: SetspnToolError });

const REGISTERING = /^Registering ServicePrincipalNames for (.+)$/i;

export function parseSetspnAdd(raw: string): ParseOutcome<SetspnAddResult> {
  const lines = toLines(raw);
  const problems: ParseProblem[] = [];
  if (isBlank(lines)) return unrecognised('setspn -S printed nothing');
  const scope: SetspnScope = { scope: 'domain', checked: [] };
  let registering: SetspnAccount | undefined;
  let updated = false;
  let duplicate = false;
  const conflicts: SetspnAccount[] = [];
  let localised = false;
  readBlocks(lines, scope, (line, t) => {
    const m = REGISTERING.exec(t);
    const dn = m ? (m[1] ?? '').trim() : isIndented(line) ? undefined : dnInSentence(t);
    let checked: string | undefined;
    if (dn !== undefined && !isSetspnErrorLine(t)) {
      if (!m) localised = true;
      registering = { dn, spns: [] };
      return registering.spns;
    }
    if (isUpdatedObject(t)) updated = true;
    else if (/^Duplicate SPN found, aborting operation!?$/i.test(t)) duplicate = true;
    else if (!isIndented(line) && looksLikeDn(t)) {
      const conflict: SetspnAccount = { dn: t, spns: [] };
      conflicts.push(conflict);
      return conflict.spns;
    } else if (isSetspnErrorLine(t)) return undefined;
    else if ((checked = localisedChecking(t)) !== undefined) {
      scope.checked.push(checked);
      localised = true;
    } else problems.push(problem(line, 'line not understood; ignored'));
    return undefined;
  });
  if (localised) problems.unshift(problem(undefined, 'setspn output not in English; read by its layout'));
  // In any language, holders listed without a "Registering" sentence are the accounts that already hold the SPN.
  if (!duplicate && !registering && conflicts.length > 0) duplicate = true;
  const error = readSetspnError(lines, problems);
  if (duplicate) return recognised({ ...scope, kind: 'duplicate', conflicts }, problems);
  if (error) return recognised({ ...scope, kind: 'error', error }, problems);
  if (registering && updated) {
    return recognised({ ...scope, kind: 'registered', accountDn: registering.dn, spns: registering.spns }, problems);
  }
  if (registering) {
    problems.push(problem(undefined, 'no "Updated object" line: the change is not confirmed'));
    return recognised({ ...scope, kind: 'unconfirmed', accountDn: registering.dn, spns: registering.spns }, problems);
  }
  return unrecognised('no "Registering ServicePrincipalNames", "Duplicate SPN found" or setspn error line', problems);
}
