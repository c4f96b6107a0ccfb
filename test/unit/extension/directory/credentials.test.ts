import { strict as assert } from 'node:assert';
import { CredentialStore, INDEX_KEY, secretKey } from '../../../../src/extension/directory/credentials';
import type { DirectorySettings } from '../../../../src/extension/settings';

/** An in-memory SecretStorage (only what CredentialStore uses). */
class FakeSecrets {
  readonly map = new Map<string, string>();
  private readonly listeners = new Set<(e: { key: string }) => void>();
  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.map.get(key));
  }
  store(key: string, value: string): Promise<void> {
    this.map.set(key, value);
    for (const l of this.listeners) l({ key });
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.map.delete(key);
    for (const l of this.listeners) l({ key });
    return Promise.resolve();
  }
  keys(): Promise<string[]> {
    return Promise.resolve([...this.map.keys()]);
  }
  onDidChange = (l: (e: { key: string }) => void): { dispose(): void } => {
    this.listeners.add(l);
    return { dispose: () => this.listeners.delete(l) };
  };
}

const settings = (hosts: string[], bindUser = 'svc-doctor@contoso.test'): DirectorySettings => ({
  hosts,
  bindUser,
  port: 636,
  security: 'ldaps',
  authentication: 'password',
  manualServers: [],
  connectMs: 1000,
  operationMs: 1000,
  clockToleranceMinutes: 5,
  clockWarningSeconds: 60,
});

function make(): { secrets: FakeSecrets; store: CredentialStore } {
  const secrets = new FakeSecrets();
  return { secrets, store: new CredentialStore(secrets) };
}

describe('CredentialStore', () => {
  it('keys the password on every DC host (sorted, any case) and the user', async () => {
    const { store } = make();
    await store.store(settings(['dc1.contoso.test', 'dc2.contoso.test']), 'pw');
    assert.equal(
      await store.get(settings(['DC2.contoso.test', 'dc1.CONTOSO.test'])),
      'pw',
      'order and case do not matter',
    );
    assert.equal(secretKey(settings(['b', 'A'], 'U')), secretKey(settings(['a', 'B'], 'u')));
  });

  it('does not hand the password to a host added to the list (failover would send it there)', async () => {
    const { store } = make();
    await store.store(settings(['dc1.contoso.test']), 'pw');
    assert.equal(await store.get(settings(['dc1.contoso.test', 'evil.example'])), undefined);
    assert.equal(await store.get(settings(['evil.example', 'dc1.contoso.test'])), undefined);
    assert.equal(await store.get(settings(['dc1.contoso.test'], 'other@contoso.test')), undefined);
  });

  it('does not hand the password over when the CA file, the port or the security mode changes', async () => {
    // A workspace that names its own CA file could then accept a certificate of its choosing for
    // the same host name; another port or StartTLS is another service on that host.
    const { store } = make();
    const base = { ...settings(['dc1.contoso.test']), caFile: '/etc/ead/contoso-ca.pem' };
    await store.store(base, 'pw');
    assert.equal(await store.get({ ...base }), 'pw');
    assert.equal(await store.get({ ...base, caFile: '/home/me/project/evil-ca.pem' }), undefined, 'CA file');
    assert.equal(await store.get(settings(['dc1.contoso.test'])), undefined, 'no CA file');
    assert.equal(await store.get({ ...base, port: 3269 }), undefined, 'port');
    assert.equal(await store.get({ ...base, security: 'starttls', port: 389 }), undefined, 'security');
  });

  it('a key of the first-host-only scheme is not found for a multi-host list: signed out', async () => {
    const { secrets, store } = make();
    await secrets.store('exchangeAuthDoctor.directory.password:dc1.contoso.test|svc-doctor@contoso.test', 'old');
    assert.equal(await store.get(settings(['dc1.contoso.test', 'dc2.contoso.test'])), undefined);
  });

  it('sign-out removes every password it stored, not only the current settings', async () => {
    const { secrets, store } = make();
    await store.store(settings(['dc1.contoso.test']), 'one');
    await store.store(settings(['127.0.0.1']), 'two');
    await store.store(settings(['dc1.contoso.test', 'dc2.contoso.test'], 'admin@contoso.test'), 'three');
    // A password of the older scheme for the current settings goes too.
    await secrets.store('exchangeAuthDoctor.directory.password:dc9.contoso.test|svc-doctor@contoso.test', 'legacy');
    assert.ok(secrets.map.has(INDEX_KEY));
    assert.equal(await store.delete(settings(['dc9.contoso.test', 'dc8.contoso.test'])), true);
    assert.deepEqual([...secrets.map.keys()], [], JSON.stringify([...secrets.map.keys()]));
    assert.equal(await store.delete(settings(['dc1.contoso.test'])), false, 'nothing left to remove');
  });

  it('the index names keys only, never a password, and survives concurrent stores', async () => {
    const { secrets, store } = make();
    await Promise.all(['a', 'b', 'c', 'd'].map((h, i) => store.store(settings([`${h}.contoso.test`]), `secret-${i}`)));
    const index = secrets.map.get(INDEX_KEY) ?? '';
    assert.equal((JSON.parse(index) as string[]).length, 4);
    assert.ok(!/secret-/.test(index));
  });

  it('changing the index does not read as a change of credentials', async () => {
    const { secrets, store } = make();
    let fired = 0;
    store.onDidChange(() => fired++);
    await secrets.store(INDEX_KEY, '[]');
    assert.equal(fired, 0);
    await store.store(settings(['dc1.contoso.test']), 'pw');
    assert.equal(fired, 1);
  });
});
