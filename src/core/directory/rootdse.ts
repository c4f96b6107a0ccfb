/** Reads the RootDSE: naming contexts, the DC's DNS name and its clock. */
import type { Clock } from '../io';
import { getFirst } from '../io';
import { DoctorError } from '../errors';
import type { RootDse } from './model';
import { collect, type SearchContext } from './search';
import { parseGeneralizedTime } from './ldap-text';

const ROOT_DSE_ATTRIBUTES = [
  'defaultNamingContext',
  'configurationNamingContext',
  'schemaNamingContext',
  'rootDomainNamingContext',
  'dnsHostName',
  'currentTime',
];

export async function readRootDse(ctx: SearchContext, clock: Clock): Promise<RootDse> {
  const [entry] = await collect(ctx, {
    base: '',
    scope: 'base',
    filter: '(objectClass=*)',
    attributes: ROOT_DSE_ATTRIBUTES,
    paged: false,
  });
  const readAt = new Date(clock.now()).toISOString();
  if (!entry) throw new DoctorError('protocol', `${ctx.session.url} returned no RootDSE`);
  const defaultNamingContext = getFirst(entry, 'defaultNamingContext');
  const configurationNamingContext = getFirst(entry, 'configurationNamingContext');
  if (!defaultNamingContext || !configurationNamingContext) {
    throw new DoctorError(
      'protocol',
      `${ctx.session.url} is not an Active Directory domain controller (its RootDSE has no naming contexts)`,
    );
  }
  const rootDse: RootDse = { defaultNamingContext, configurationNamingContext };
  const optional = {
    schemaNamingContext: getFirst(entry, 'schemaNamingContext'),
    rootDomainNamingContext: getFirst(entry, 'rootDomainNamingContext'),
    dnsHostName: getFirst(entry, 'dnsHostName'),
  };
  for (const [k, v] of Object.entries(optional)) if (v) rootDse[k as keyof typeof optional] = v;
  const time = getFirst(entry, 'currentTime');
  const currentTime = time ? parseGeneralizedTime(time) : undefined;
  if (currentTime) {
    rootDse.currentTime = currentTime;
    rootDse.currentTimeReadAt = readAt;
  }
  return rootDse;
}
