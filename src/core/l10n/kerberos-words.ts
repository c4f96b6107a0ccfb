/**
 * The words of src/core/kerberos-codes.ts as catalogue phrases: what a Kerberos error means and why
 * it points at a step. One table holds them (`fp.5.krb.<NAME>` and `fp.5.why.*`, in
 * ./phrases/steps-4-6/kerberos-*.ts): step 5 words the events it reads with it, step 3 the error of
 * the service ticket it asked for. A sentence without a phrase stays as written.
 */
import type { LocalText } from '../../shared/local-text';
import type { KerberosErrorCode } from '../kerberos-codes';
import { EN, type MessageKey } from './en';
import { text } from './render';

/** English sentence -> its `fp.5.why.*` key. */
const WHY: ReadonlyMap<string, MessageKey> = new Map(
  (Object.entries(EN) as [MessageKey, string][])
    .filter(([key]) => key.startsWith('fp.5.why.'))
    .map(([key, sentence]) => [sentence, key]),
);

export function meaningText(known: KerberosErrorCode): string | LocalText {
  const key = `fp.5.krb.${known.name}`;
  return key in EN ? text(key as MessageKey) : known.meaning;
}

export function adviceText(why: string): string | LocalText {
  const key = WHY.get(why);
  return key ? text(key) : why;
}
