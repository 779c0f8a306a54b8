import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { RELEASE_DIR } from '../core/types';

/** Reads every YAML file under `<folder>/.release/` into the map the engine takes. */
export async function readPlanFiles(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const root = join(folder, RELEASE_DIR);
  async function walk(dir: string, depth: number): Promise<void> {
    if (depth > 3) return;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, depth + 1);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
        files.set(relative(folder, path).split(sep).join('/'), await readFile(path, 'utf8'));
      }
    }
  }
  await walk(root, 0);
  return files;
}

export async function hasReleaseDir(folder: string): Promise<boolean> {
  try {
    return (await stat(join(folder, RELEASE_DIR))).isDirectory();
  } catch {
    return false;
  }
}
