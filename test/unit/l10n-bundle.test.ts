import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module script, without types
import { buildBundle, bundleText, engineTemplates } from '../../scripts/l10n.mjs';

const ROOT = join(__dirname, '..', '..');

describe('l10n/bundle.l10n.json (every string the extension shows, ready for translation)', function () {
  this.timeout(60_000);

  it('is what `npm run l10n` makes now: the vscode.l10n.t calls and the engine\'s templates (regenerate and commit it when this fails)', async () => {
    const committed = readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8');
    const fresh = bundleText(await buildBundle());
    assert.deepEqual(JSON.parse(committed), JSON.parse(fresh));
    assert.equal(committed, fresh, 'same strings, same order');
  });

  it('holds each engine template and each extension string', async () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string | { message: string; comment: string[] }>;
    const templates = (await engineTemplates()) as Map<string, string>;
    assert.ok(templates.size > 200, `the engine declares its sentences (${templates.size})`);
    // Keyed as vscode.l10n.t({ message, comment: [id] }) looks them up: `message/id`.
    for (const [id, template] of templates) assert.deepEqual(bundle[`${template}/${id}`], { message: template, comment: [id] }, id);
    assert.equal(bundle['No problems found.'], 'No problems found.', 'the extension\'s own words are there too');
  });

  it('is shipped: package.json points VS Code at it', () => {
    assert.equal(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).l10n, './l10n');
  });
});
