import { strict as assert } from 'node:assert';
import { administrativeRoles } from '../../../../src/core/directory/roles';
import { parseServer } from '../../../../src/core/directory/exchange';

/** 16439 = Cafe 1 + Mailbox 2 + ClientAccess 4 + UnifiedMessaging 16 + HubTransport 32 + FrontendTransport 16384. */
const ALL_ROLES_2013_PLUS = 16439;

describe('msExchCurrentServerRoles, decoded per Exchange version', () => {
  it('Exchange 2019 is a Mailbox server: no Unified Messaging (retired in 2019), no separate Client Access', () => {
    assert.deepEqual(administrativeRoles(ALL_ROLES_2013_PLUS, '15.2.1118.7'), ['Mailbox']);
  });

  it('Exchange 2016 and Subscription Edition are Mailbox servers too; an Edge server stays Edge', () => {
    assert.deepEqual(administrativeRoles(ALL_ROLES_2013_PLUS, '15.1.2507.6'), ['Mailbox']);
    assert.deepEqual(administrativeRoles(ALL_ROLES_2013_PLUS, '15.2.2562.17'), ['Mailbox']);
    assert.deepEqual(administrativeRoles(64, '15.2.1118.7'), ['Edge']);
  });

  it('Exchange 2013 has Mailbox and Client Access roles; Cafe alone is Client Access', () => {
    assert.deepEqual(administrativeRoles(ALL_ROLES_2013_PLUS, '15.0.1497.2'), ['Mailbox', 'ClientAccess']);
    assert.deepEqual(administrativeRoles(1 + 16384, '15.0.1497.2'), ['ClientAccess']);
  });

  it('Exchange 2010 and 2007 keep every role they set, Unified Messaging and Hub Transport included', () => {
    assert.deepEqual(administrativeRoles(2 + 4 + 16 + 32, '14.3.123.4'), [
      'Mailbox',
      'ClientAccess',
      'UnifiedMessaging',
      'HubTransport',
    ]);
    assert.deepEqual(administrativeRoles(4 + 32, '8.3.83.6'), ['ClientAccess', 'HubTransport']);
  });

  it('an unknown version shows the role bits as they are, without the internal Cafe and Front End Transport', () => {
    assert.deepEqual(administrativeRoles(ALL_ROLES_2013_PLUS, undefined), [
      'Mailbox',
      'ClientAccess',
      'UnifiedMessaging',
      'HubTransport',
    ]);
  });

  it('discovery stores the roles of the server as its version has them', () => {
    const server = parseServer({
      dn: 'CN=EX01,CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso',
      attributes: {
        cn: ['EX01'],
        serialNumber: ['Version 15.2 (Build 1118.7)'],
        msExchCurrentServerRoles: [String(ALL_ROLES_2013_PLUS)],
      },
    });
    assert.deepEqual(server.roles, ['Mailbox']);
    assert.equal(server.rolesFlags, ALL_ROLES_2013_PLUS);
  });
});
