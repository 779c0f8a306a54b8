import assert from 'node:assert/strict';
import { readPlanTree, type PlanTreeEntry, type PlanTreeFs } from '../../src/core/planTree';
import { english, said } from './helpers';

/** An in-memory file system: folders are objects, files strings or bytes, links `{ broken }`. */
type Node = string | Uint8Array | { [name: string]: Node } | { broken: string } | { device: true };

function memoryFs(root: Record<string, Node>, unlistable: string[] = []): PlanTreeFs {
  const at = (path: string): Node | undefined => path.split('/').reduce<Node | undefined>((node, part) => (node && typeof node === 'object' && !(node instanceof Uint8Array) ? (node as Record<string, Node>)[part] : undefined), root);
  return {
    async list(dir) {
      if (unlistable.includes(dir)) throw new Error('permission denied');
      return Object.entries(at(dir) as Record<string, Node>).map(([name, node]): PlanTreeEntry => {
        if (typeof node === 'string' || node instanceof Uint8Array) return { name, kind: 'file' };
        if ('broken' in node) return { name, kind: 'broken-link', why: said(node.broken as string) };
        if ('device' in node) return { name, kind: 'other' };
        return { name, kind: 'dir' };
      });
    },
    async read(path) {
      const node = at(path);
      return typeof node === 'string' ? new TextEncoder().encode(node) : (node as Uint8Array);
    },
    reason: (error) => (error instanceof Error ? error.message : String(error)),
  };
}

describe('the one plan-folder reader of the CLI and the extension (readPlanTree)', () => {
  it('reads plan files and says why the others cannot be read, the same way for every file system', async () => {
    const tree = await readPlanTree(
      memoryFs(
        {
          '.release': {
            'release.yaml': 'release: a\n',
            'notes.md': 'not a plan file',
            'team.yaml': { 'x.txt': '' },
            gonogo: 'a file where a folder belongs',
            checkins: { '2026-12-01.yaml': 'shipped: []\n', locked: { '2026-12-02.yaml': '' } },
            'rollback.yaml': { broken: 'This is a symbolic link to nowhere.' },
            'config.yaml': { device: true },
            'draft.yaml': new Uint8Array([0xff, 0xfe, 0x41, 0x00]),
          },
        },
        ['.release/checkins/locked'],
      ),
    );
    assert.deepEqual([...tree.files.keys()], ['.release/checkins/2026-12-01.yaml', '.release/release.yaml']);
    assert.deepEqual(Object.fromEntries([...tree.unreadable].map(([path, why]) => [path, english(why).split(/[,.:]/)[0]])), {
      '.release/checkins/locked': 'This folder could not be read',
      '.release/config.yaml': 'This is not a regular file (a device',
      '.release/draft.yaml': english(tree.unreadable.get('.release/draft.yaml')).split(/[,.:]/)[0],
      '.release/gonogo': 'This should be a folder of dated files (e',
      '.release/rollback.yaml': 'This is a symbolic link to nowhere',
      '.release/team.yaml': 'This is a folder',
    });
    assert.match(english(tree.unreadable.get('.release/draft.yaml')), /UTF-8/);
  });

  it('throws only when .release/ itself cannot be listed', async () => {
    await assert.rejects(readPlanTree(memoryFs({ '.release': {} }, ['.release'])), /permission denied/);
  });
});
