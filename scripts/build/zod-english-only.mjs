// zod re-exports every locale it ships (z.locales), which puts ~40 languages into our bundles
// though only English messages are ever shown (and most are replaced by our own). This esbuild
// plugin resolves zod's locale index to English alone.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) => {
      if (!args.importer.includes(`${path.sep}zod${path.sep}`)) return undefined;
      return { path: path.join(path.dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * The extension never turns schemas into JSON Schema (the CLI's `schema` command does, and the
 * result is committed in schemas/), yet every zod schema class links that code. For the extension
 * bundle only, those two modules become stand-ins with the same export names that throw if called.
 */
export const zodWithoutJsonSchema = {
  name: 'zod-without-json-schema',
  setup(build) {
    build.onResolve({ filter: /(json-schema-processors|to-json-schema)\.js$/ }, (args) => {
      if (!args.importer.includes(`${path.sep}zod${path.sep}`)) return undefined;
      return { path: path.join(args.resolveDir, args.path), namespace: 'zod-no-json-schema' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-no-json-schema' }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const names = new Set();
      for (const match of source.matchAll(/export (?:async )?(?:function|const|let|class) ([A-Za-z0-9_$]+)/g)) names.add(match[1]);
      for (const match of source.matchAll(/export \{([^}]*)\}/g)) for (const part of match[1].split(',')) names.add(part.split(' as ').pop().trim());
      const lines = ['const unavailable = () => { throw new Error("JSON Schema export is not part of this bundle"); };'];
      for (const name of [...names].filter(Boolean)) lines.push(`export const ${name} = unavailable;`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};
