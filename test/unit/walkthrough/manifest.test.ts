/**
 * The walkthrough's contributions (scripts/contrib/walkthrough.json) are in the manifest, point at
 * files that exist, and name only strings package.nls.json has.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const read = (p: string): unknown => JSON.parse(readFileSync(path.join(root, p), 'utf8'));

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string; title: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    walkthroughs: {
      id: string;
      title: string;
      steps: { id: string; title: string; description: string; media: { markdown?: string; image?: string } }[];
    }[];
  };
}

describe('walkthrough contributions', () => {
  const manifest = read('package.json') as Manifest;
  const fragment = read('scripts/contrib/walkthrough.json') as Manifest;
  const nls = read('package.nls.json') as Record<string, string>;

  it('are merged into package.json', () => {
    assert.ok(
      manifest.activationEvents?.includes('onWebviewPanel:exchangeAuthDoctor.walkthrough'),
      'the serializer can activate the extension',
    );
    assert.ok(manifest.contributes.commands.some((c) => c.command === 'exchangeAuthDoctor.openWalkthrough'));
    for (const [menu, items] of Object.entries(fragment.contributes.menus)) {
      for (const item of items)
        assert.ok(
          manifest.contributes.menus[menu]?.some((m) => m.command === item.command && m.when === item.when),
          `${menu}: ${item.command}`,
        );
    }
    assert.ok(manifest.contributes.walkthroughs.some((w) => w.id === 'exchangeAuthDoctor.getStarted'));
  });

  it('Get Started opens the panel and its media exist', () => {
    const walkthrough = fragment.contributes.walkthroughs[0]!;
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(path.join(root, media)), `${step.id}: ${media}`);
    }
    const last = walkthrough.steps.at(-1)!;
    assert.match(nls[last.description.replace(/%/g, '')] ?? '', /\(command:exchangeAuthDoctor\.openWalkthrough\)/);
  });

  it('names only strings of package.nls.json', () => {
    const keys = [...JSON.stringify(fragment).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] ?? '');
    assert.ok(keys.length > 5);
    assert.deepEqual(
      keys.filter((k) => !(k in nls)),
      [],
    );
  });
});
