// The web bundle's no-Node check: dist/web/extension.js runs in a browser web worker (vscode.dev,
// github.dev), where there is no Node. It fails when the bundle
//   - calls `require` with anything but the literal "vscode" (so `require("fs")`, `require("path")`,
//     `require("node:child_process")`, `require(name)` all fail), or reads `require` as a property of
//     anything (`module.require`, `self.require`, `globalThis["require"]`, `m?.require`), or
//   - refers to a Node global that a web worker does not have: `process`, `Buffer`, `global`,
//     `__dirname`, `__filename`, `setImmediate`, `clearImmediate` (in any form: `process.env`,
//     `typeof Buffer`, a bare mention, or through the global object: `globalThis.process`,
//     `self["Buffer"]`, `window.setImmediate`, `global.process`), or
//   - builds code from text at run time, which could reach all of the above unseen: any `eval`
//     (a call, `(0, eval)(…)`, `globalThis.eval`) and `Function` called or constructed
//     (`Function("…")`, `new Function("…")`, `const F = Function`; `x instanceof Function` and
//     `Function.prototype` are fine), or
//   - uses a dynamic `import(...)` (the web host loads one CommonJS file).
// Only real references count, not text: esbuild re-reads the bundle and replaces every *free*
// occurrence of those names (not a property `x.process`, not a local variable, not a string such
// as yaml's "either Buffer or atob is required") and every property named `require` with a
// marker, which is then looked for. Not caught: code that spells a name at run time
// (`globalThis[name]`, `x.constructor.constructor("…")`).
// `node scripts/check-web-bundle.mjs [file]` prints each violation with its line and exits 1;
// esbuild.config.mjs runs the check after every build of the web bundle, and reports the size
// against its budget. test/unit/webBundle.test.ts plants violations to show the check catches them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

export const WEB_BUNDLE = 'dist/web/extension.js';
/** The web bundle may be at most this big when minified (`--production`): bytes on disk. */
export const WEB_BUDGET_BYTES = 300 * 1024;
/** Globals of Node that a browser web worker does not have. */
export const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate'];
/** The only module the web bundle may `require`: the host gives it, everything else is bundled. */
export const ALLOWED_MODULES = ['vscode'];
/** The names of the global object in a web worker, a page and Node, through which a global is reached too. */
export const GLOBAL_OBJECTS = ['globalThis', 'self', 'window', 'global'];
/** Globals that turn text into code. */
const CODE_FROM_TEXT = ['eval', 'Function'];

const MARK = '__release_plan_web_check_';

/**
 * Violations in `code` (a bundle's text), in order: `{ line, what }`, `what` naming the
 * global or the required module. A bundle that does not parse is one violation at line 0.
 */
export function webBundleViolations(code) {
  if (code.includes(MARK)) return [{ line: 0, what: `the bundle contains the check's marker ${MARK}` }];
  let marked;
  let sourceLine;
  try {
    // A free name becomes `MARK<name>`; a global reached through the global object (`globalThis.process`,
    // `self["process"]`: esbuild matches both) becomes `MARK<name>__via__<object>`.
    const names = [...NODE_GLOBALS, ...CODE_FROM_TEXT];
    const define = Object.fromEntries([...names, 'require'].map((name) => [name, `${MARK}${name}`]));
    for (const object of GLOBAL_OBJECTS) for (const name of names) if (name !== object) define[`${object}.${name}`] = `${MARK}${name}__via__${object}`;
    // Every property named `require` (`module.require`, `self["require"]`) is renamed to `MARKproperty_require`.
    const property = { mangleProps: /^require$/, mangleQuoted: true, mangleCache: { require: `${MARK}property_require` } };
    // Not minified, same syntax level: only the replaced names change. esbuild prints the code its
    // own way, so its source map gives each finding's line in the bundle.
    const result = transformSync(code, { define, ...property, target: 'esnext', logLevel: 'silent', minify: false, sourcemap: 'external' });
    marked = result.code;
    sourceLine = lineMapper(JSON.parse(result.map).mappings);
  } catch (error) {
    return [{ line: 0, what: `the bundle does not parse: ${String(error?.message ?? error).split('\n')[0]}` }];
  }
  const violations = [];
  const lines = marked.split('\n');
  const pattern = new RegExp(`${MARK}(\\w+)(\\s*\\(\\s*("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*')?\\s*\\)?)?`, 'g');
  lines.forEach((text, index) => {
    for (const match of text.matchAll(pattern)) {
      const [whole, marker, call, literal] = match;
      const line = sourceLine(index, match.index);
      const before = text.slice(0, match.index);
      const after = text.slice(match.index + whole.length);
      const [name, through] = marker.split('__via__');
      if (name === 'property_require') {
        // A method or key of that name (`{ require: … }`) is no way to reach Node; reading it is.
        if (/\.\s*$/.test(before)) violations.push({ line, what: '`require` read as a property (`x.require`)' });
      } else if (name === 'Function') {
        // `x instanceof Function` and `Function.prototype` do not run text as code.
        if (!(/\binstanceof\s*$/.test(before) || (!call && /^\s*\??\./.test(after)))) violations.push({ line, what: `\`Function\`${through ? ` through \`${through}\`` : ''} (code from text at run time)` });
      } else if (name === 'eval') violations.push({ line, what: `\`eval\`${through ? ` through \`${through}\`` : ''} (code from text at run time)` });
      else if (through !== undefined) violations.push({ line, what: `the Node global \`${name}\` through \`${through}\`` });
      else if (name !== 'require') violations.push({ line, what: `the Node global \`${name}\`` });
      else if (call === undefined || call.trim() === '') violations.push({ line, what: '`require` used other than as a call with a literal' });
      else if (literal === undefined) violations.push({ line, what: '`require` with a computed module name' });
      else {
        const module = JSON.parse(literal.startsWith("'") ? `"${literal.slice(1, -1).replace(/"/g, '\\"')}"` : literal);
        if (!ALLOWED_MODULES.includes(module)) violations.push({ line, what: `require("${module}")` });
      }
    }
    const dynamic = /(^|[^\w$.])import\s*\(/.exec(text);
    if (dynamic) violations.push({ line: sourceLine(index, dynamic.index), what: 'a dynamic import()' });
  });
  return violations;
}

/**
 * From a source map's `mappings`: (0-based line, column) in the generated code → 1-based line in
 * the source (the last mapping at or before the column, else the line's first one).
 */
function lineMapper(mappings) {
  const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const decode = (segment) => {
    const values = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = DIGITS.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    return values;
  };
  let sourceLine = 0;
  const table = mappings.split(';').map((line) => {
    let column = 0;
    const segments = [];
    for (const segment of line.split(',').filter(Boolean)) {
      const [columnDelta, , lineDelta] = decode(segment);
      column += columnDelta;
      if (lineDelta === undefined) continue;
      sourceLine += lineDelta;
      segments.push([column, sourceLine]);
    }
    return segments;
  });
  return (line, column) => {
    const segments = table[line] ?? [];
    let found = segments[0];
    for (const segment of segments) if (segment[0] <= column) found = segment;
    return found ? found[1] + 1 : 0;
  };
}

/** Checks the file; returns the lines to print (empty when it passes). */
export function checkWebBundleFile(file) {
  return webBundleViolations(readFileSync(file, 'utf8')).map(({ line, what }) => `${file}:${line}: ${what} (the web extension runs without Node)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? WEB_BUNDLE;
  const problems = checkWebBundleFile(file);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log(`${file}: no Node modules or globals (${readFileSync(file).length} bytes)`);
}
