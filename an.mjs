import * as esbuild from 'esbuild';
import { zodEnglishOnly, zodWithoutJsonSchema } from './scripts/build/zod-english-only.mjs';
const r = await esbuild.build({ entryPoints: { extension: 'src/extension/web.ts' }, plugins:[zodEnglishOnly, zodWithoutJsonSchema], bundle:true, write:false, outdir:'/tmp/webtry', platform:'browser', format:'cjs', target:'es2022', external:['vscode'], minify:true, metafile:true, logLevel:'warning', legalComments:'none'});
const out = Object.values(r.metafile.outputs)[0];
const by = {}; const files = [];
for (const [f, v] of Object.entries(out.inputs)) { const g = f.replace(/^.*node_modules\//, 'nm/'); const parts = g.split('/'); const k = parts.slice(0, g.startsWith('nm/') ? 4 : 2).join('/'); by[k]=(by[k]||0)+v.bytesInOutput; files.push([g, v.bytesInOutput]); }
console.log(out.bytes); console.log(Object.entries(by).sort((a,b)=>b[1]-a[1]).slice(0,20).map(([k,v])=>k+' '+v).join('\n'));
console.log('--'); console.log(files.sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>k+' '+v).join('\n'));
