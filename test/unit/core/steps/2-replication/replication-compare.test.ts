/** Comparing the copies of an object that two DCs hold: SPN differences and replication metadata. */
import { strict as assert } from 'node:assert';
import { render } from '../../../../../src/core/l10n/render';
import {
  compareCopies,
  describeDifference,
  type Difference,
} from '../../../../../src/core/steps/2-replication/replication-compare';
import {
  parseAttributeMetaData,
  parseReplPropertyMetaData,
} from '../../../../../src/core/steps/2-replication/replication-read';

describe('step 2: comparing copies', () => {
  const dc = (name: string) => ({ name, dn: '', source: 'sites' as const });
  const copy = (spns: string[], when: string) => ({
    key: 'computer:ex01$',
    kind: 'computer' as const,
    label: 'EX01$',
    dn: 'CN=EX01',
    values: { servicePrincipalName: spns },
    whenChanged: when,
  });

  it('compares SPNs case-insensitively; without metadata the DC holding fewer SPNs is behind', () => {
    const [a, b] = compareCopies(
      [
        {
          dc: dc('DC1'),
          url: '',
          objects: new Map([['computer:ex01$', copy(['SMTPSVC/EX01'], '2026-11-22T12:00:00Z')]]),
        },
        {
          dc: dc('DC2'),
          url: '',
          objects: new Map([
            ['computer:ex01$', copy(['smtpsvc/ex01', 'SMTP/old.contoso.test'], '2026-11-22T11:00:00Z')],
          ]),
        },
      ],
      [{ key: 'computer:ex01$', label: 'EX01$' }],
    );
    assert.equal(b?.differences.length, 0);
    assert.equal(a?.differences.length, 1);
    assert.equal(
      render('en', describeDifference(a?.differences[0] as Difference)),
      'lacks SMTP/old.contoso.test in servicePrincipalName of EX01$',
    );
  });

  it('with metadata, an SPN removed on the newer copy is reported as "still has" on the other', () => {
    const withMeta = (spns: string[], version: number) => ({
      ...copy(spns, '2026-11-22T12:00:00Z'),
      metadata: { serviceprincipalname: { version } },
    });
    const [a, b] = compareCopies(
      [
        { dc: dc('DC1'), url: '', objects: new Map([['computer:ex01$', withMeta(['SMTPSVC/EX01'], 3)]]) },
        {
          dc: dc('DC2'),
          url: '',
          objects: new Map([['computer:ex01$', withMeta(['smtpsvc/ex01', 'SMTP/old.contoso.test'], 2)]]),
        },
      ],
      [{ key: 'computer:ex01$', label: 'EX01$' }],
    );
    assert.equal(a?.differences.length, 0);
    assert.equal(
      render('en', describeDifference(b?.differences[0] as Difference)),
      'still has SMTP/old.contoso.test in servicePrincipalName of EX01$',
    );
    assert.equal(b?.differences[0]?.basis, 'metadata');
  });

  it("reads replPropertyMetaData as the lab's Samba DC returns it", () => {
    // EX02's computer account on DC1 (healthy lab, 2026-11-23).
    const m = parseReplPropertyMetaData(
      'AQAAAAAAAAAaAAAAAAAAAAAAAAABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAAMAAAABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAAEAAgABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAAIAAgABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAABkBAgABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAAEACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAAgACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAABAACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAABkACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAADcACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAEAACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAFoACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAF4ACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAGAACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAGIACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAH0ACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAJIACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAJ8ACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAKAACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAN0ACQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAC4BCQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAGsBCQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAGsCCQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAAMDCQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAA4DCQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAGQDCQABAAAAsxQUIQMAAAB55epL2eElTILg+kgg7X3mjg8AAAAAAACODwAAAAAAAA==',
    );
    assert.deepEqual(m.serviceprincipalname, { version: 1, originatingTime: '2026-11-23T00:07:15.000Z' });
    assert.deepEqual(Object.keys(m).sort(), ['dnshostname', 'serviceprincipalname', 'useraccountcontrol']);
    assert.deepEqual(parseReplPropertyMetaData('AAAA'), {});
  });

  it('reads msDS-ReplAttributeMetaData as Windows returns it', () => {
    const m = parseAttributeMetaData([
      '<DS_REPL_ATTR_META_DATA>\n\t<pszAttributeName>servicePrincipalName</pszAttributeName>\n\t<dwVersion>4</dwVersion>\n\t<ftimeLastOriginatingChange>2026-11-22T13:47:47Z</ftimeLastOriginatingChange>\n</DS_REPL_ATTR_META_DATA>\n\u0000',
      'garbage',
    ]);
    assert.deepEqual(m, { serviceprincipalname: { version: 4, originatingTime: '2026-11-22T13:47:47.000Z' } });
  });

  it('an object no DC holds is left to the other steps', () => {
    const r = compareCopies(
      [
        { dc: dc('DC1'), url: '', objects: new Map() },
        { dc: dc('DC2'), url: '', objects: new Map() },
      ],
      [{ key: 'computer:ex09$', label: 'EX09$' }],
    );
    assert.ok(r.every((c) => c.differences.length === 0));
  });
});
