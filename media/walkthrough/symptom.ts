/**
 * What step 0 shows after "Recognise": which symptom it is (with 454 4.7.0 and the 451 4.4.0 the
 * sending server wraps it in), what was read from the text (an address with the server it maps
 * to), and, when an end of the connection could not be read, which one and what to paste or pick
 * instead, and the failures the paste shows from both ends (step and cause). Only text nodes: the
 * pasted text never becomes markup.
 */
import type { SymptomState } from '../../src/shared/walkthrough-protocol';
import { KIND_LABEL } from './content';
import { h, t, table } from './dom';

function statusLine(sym: SymptomState): string {
  if (sym.has454 && sym.has451)
    return t('454 4.7.0 Temporary authentication failure, reported by the sending server as 451 4.4.0');
  return sym.has454 ? t('454 4.7.0 Temporary authentication failure') : '';
}

export function symptomResult(sym: SymptomState | undefined): (HTMLElement | string)[] {
  if (!sym) return [];
  if (!sym.recognised)
    return [
      h(
        'p',
        { class: 'warning-text' },
        t('This text does not look like the 454 4.7.0 symptom. Pick the servers below instead.'),
      ),
    ];
  const out: (HTMLElement | string)[] = [
    h('p', {}, t('Recognised: {0}', sym.kinds.map((k) => t(KIND_LABEL[k])).join(', '))),
  ];
  const status = statusLine(sym);
  if (status) out.push(h('p', {}, status));
  if (sym.facts.length)
    out.push(
      table(
        [t('Read from the text'), t('Value')],
        sym.facts.map((f) => [t(f.label), f.value]),
      ),
    );
  for (const b of sym.bothEnds ?? [])
    out.push(
      h('p', { class: 'both-ends' }, t('Seen from both ends, {0} to {1}: {2}', b.sending, b.receiving, b.message)),
    );
  const missing = sym.missing ?? [];
  if (missing.length) {
    const ends = missing.map((end) => (end === 'sending' ? t('the sending server') : t('the receiving server')));
    out.push(
      h('p', { class: 'warning-text' }, t('Could not be read from the text: {0}', ends.join(', '))),
      h(
        'p',
        {},
        t(
          'Paste the whole Last Error of the queue (with "The last endpoint attempted was"), the text of event 1035 from the receiving server, or a line of the SMTP protocol log; or pick the servers below.',
        ),
      ),
    );
  }
  if (sym.unmatched.length)
    out.push(
      h(
        'p',
        { class: 'warning-text' },
        t('Not an Exchange server found in the directory: {0}', sym.unmatched.join(', ')),
      ),
    );
  return out;
}
