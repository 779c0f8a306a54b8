import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('l10n/bundle.l10n.json (the extension\'s strings, ready for translation)', function () {
  this.timeout(60_000);

  it('is what `npm run l10n` extracts from the vscode.l10n.t calls now (regenerate and commit it when this fails)', () => {
    const out = mkdtempSync(join(tmpdir(), 'release-plan-l10n-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js'), 'export', '-o', out, join(ROOT, 'src', 'extension')], { cwd: ROOT, stdio: 'pipe' });
      const fresh = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8'));
      const committed = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8'));
      assert.deepEqual(committed, fresh);
      assert.ok(Object.keys(fresh).length > 50, 'the extension has its strings in vscode.l10n.t');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('is shipped: package.json points VS Code at it', () => {
    assert.equal(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).l10n, './l10n');
  });
});
