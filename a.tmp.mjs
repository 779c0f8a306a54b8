import * as esbuild from 'esbuild';
import { zodEnglishOnly, zodWithoutJsonSchema } from './scripts/build/zod-english-only.mjs';
const contents = process.argv[2];
const r = await esbuild.build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], plugins: [zodEnglishOnly, zodWithoutJsonSchema], write: false, metafile: true, legalComments: 'none', charset: 'utf8', outfile: '/tmp/y.js' });
const out = Object.values(r.metafile.outputs)[0];
const groups = {};
for (const [f, v] of Object.entries(out.inputs)) { const g = f.startsWith('node_modules/') ? f.split('/').slice(0, 2).join('/') : f.split('/').slice(0, 2).join('/'); groups[g] = (groups[g] ?? 0) + v.bytesInOutput; }
console.log('total', (r.outputFiles[0].contents.length/1024).toFixed(1), Object.entries(groups).map(([g,b])=>g+' '+(b/1024).toFixed(1)).join(', '));
