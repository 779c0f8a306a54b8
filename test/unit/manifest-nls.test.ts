import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const manifestText = readFileSync(join(ROOT, 'package.json'), 'utf8');
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** Every string of the manifest's user-facing fields (what the Marketplace, palette, views and settings show). */
function shown(manifest: Record<string, unknown>): { where: string; value: string }[] {
  const out: { where: string; value: string }[] = [];
  const c = manifest.contributes as Record<string, any>;
  const push = (where: string, value: unknown) => typeof value === 'string' && out.push({ where, value });
  push('displayName', manifest.displayName);
  push('description', manifest.description);
  push('untrustedWorkspaces.description', (manifest.capabilities as any)?.untrustedWorkspaces?.description);
  for (const container of c.viewsContainers?.activitybar ?? []) push(`viewsContainers ${container.id}`, container.title);
  for (const view of Object.values(c.views ?? {}).flat() as any[]) (push(`view ${view.id}`, view.name), push(`view ${view.id} contextualTitle`, view.contextualTitle));
  for (const welcome of c.viewsWelcome ?? []) push(`viewsWelcome ${welcome.view}`, welcome.contents);
  for (const command of c.commands ?? []) (push(`command ${command.command}`, command.title), push(`command ${command.command} category`, command.category));
  push('configuration.title', c.configuration?.title);
  for (const tool of c.languageModelTools ?? []) (push(`languageModelTool ${tool.name}`, tool.displayName), push(`languageModelTool ${tool.name} userDescription`, tool.userDescription));
  for (const [key, setting] of Object.entries(c.configuration?.properties ?? {}) as [string, any][]) (push(`setting ${key}`, setting.description), push(`setting ${key} markdown`, setting.markdownDescription));
  return out;
}

describe('package.nls.json (the manifest\'s strings, ready for translation)', () => {
  const strings = shown(JSON.parse(manifestText));

  it('every user-facing manifest string is a %key% defined in package.nls.json', () => {
    const literal = strings.filter((s) => !/^%[^%]+%$/.test(s.value));
    assert.deepEqual(literal.map((s) => `${s.where}: ${s.value}`), [], 'write these as %key% and put the English in package.nls.json');
    const missing = strings.filter((s) => !Object.hasOwn(nls, s.value.slice(1, -1)));
    assert.deepEqual(missing.map((s) => s.value), []);
  });

  it('package.nls.json holds no key the manifest does not use, and no empty text', () => {
    const used = new Set([...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
    assert.deepEqual(Object.entries(nls).filter(([, text]) => text.trim() === '').map(([key]) => key), []);
  });
});
