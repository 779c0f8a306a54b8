// src/core must stay free of the VS Code API so that the CLI and unit tests run in plain node.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const forbidden = /(from\s+['"]vscode['"])|(require\(\s*['"]vscode['"]\s*\))|(import\(\s*['"]vscode['"]\s*\))/;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

const offenders = [...walk('src/core')].filter((file) => forbidden.test(readFileSync(file, 'utf8')));
if (offenders.length > 0) {
  console.error(`src/core must not import vscode:\n  ${offenders.join('\n  ')}`);
  process.exit(1);
}
console.log('core purity: ok (no vscode import under src/core)');
