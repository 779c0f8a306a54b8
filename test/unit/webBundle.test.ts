import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { NODE_GLOBALS, WEB_BUNDLE, checkWebBundleFile, webBundleViolations } from '../../scripts/check-web-bundle.mjs';

const ROOT = resolve(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'check-web-bundle.mjs');
const BUNDLE = join(ROOT, WEB_BUNDLE);
const BUILD_HINT = ' (dist/ is made by `npm run build`; `npm run test:unit` runs it first)';

/**
 * The web extension's no-Node check (scripts/check-web-bundle.mjs): what counts as a violation,
 * that it catches one planted in the real bundle, and that the real bundle (built from
 * src/extension/web.ts for a browser web worker) passes it.
 */
describe('the web bundle and its no-Node check', () => {
  describe('what the check finds', () => {
    it('flags every require but "vscode", with the module named', () => {
      assert.deepEqual(webBundleViolations('const fs = require("fs");\nconst p = require(\'path\');\nrequire("node:child_process").execFile("git");\nrequire("os");'), [
        { line: 1, what: 'require("fs")' },
        { line: 2, what: 'require("path")' },
        { line: 3, what: 'require("node:child_process")' },
        { line: 4, what: 'require("os")' },
      ]);
      assert.deepEqual(webBundleViolations('const vscode = require("vscode");\nmodule.exports = { a: vscode.window };'), []);
    });

    it('flags a require that is not a call with a literal, and a dynamic import()', () => {
      assert.deepEqual(webBundleViolations('const name = "fs";\nrequire(name);\nconst r = require;\nimport("./late.js");'), [
        { line: 2, what: '`require` with a computed module name' },
        { line: 3, what: '`require` used other than as a call with a literal' },
        { line: 4, what: 'a dynamic import()' },
      ]);
    });

    it('flags every Node global in any form: member, typeof, bare', () => {
      const code = ['process.env.HOME;', 'typeof Buffer === "function";', 'global.x = 1;', 'f(__dirname, __filename);', 'setImmediate(g); clearImmediate(h);'].join('\n');
      assert.deepEqual(webBundleViolations(code), [
        { line: 1, what: 'the Node global `process`' },
        { line: 2, what: 'the Node global `Buffer`' },
        { line: 3, what: 'the Node global `global`' },
        { line: 4, what: 'the Node global `__dirname`' },
        { line: 4, what: 'the Node global `__filename`' },
        { line: 5, what: 'the Node global `setImmediate`' },
        { line: 5, what: 'the Node global `clearImmediate`' },
      ]);
      assert.deepEqual([...NODE_GLOBALS], ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate']);
    });

    it('flags a Node global reached through the global object, by dot or by a string in brackets', () => {
      const code = [
        'globalThis.process.env.HOME;',
        'globalThis["process"].cwd();',
        'self.Buffer.from("x");',
        "window['__dirname'];",
        'global.setImmediate(f);',
        'globalThis.setImmediate(() => 1);',
        'self["clearImmediate"](t);',
      ].join('\n');
      assert.deepEqual(webBundleViolations(code), [
        { line: 1, what: 'the Node global `process` through `globalThis`' },
        { line: 2, what: 'the Node global `process` through `globalThis`' },
        { line: 3, what: 'the Node global `Buffer` through `self`' },
        { line: 4, what: 'the Node global `__dirname` through `window`' },
        { line: 5, what: 'the Node global `setImmediate` through `global`' },
        { line: 6, what: 'the Node global `setImmediate` through `globalThis`' },
        { line: 7, what: 'the Node global `clearImmediate` through `self`' },
      ]);
    });

    it('flags require read as a property of anything: module.require, self.require, a bracket, a parameter named module', () => {
      const code = [
        'module.require("fs");',
        'self.require("fs");',
        'globalThis["require"]("child_process");',
        'function wrapped(exports, module) { return module.require("os"); }',
        'm?.require("path");',
      ].join('\n');
      assert.deepEqual(webBundleViolations(code), [
        { line: 1, what: '`require` read as a property (`x.require`)' },
        { line: 2, what: '`require` read as a property (`x.require`)' },
        { line: 3, what: '`require` read as a property (`x.require`)' },
        { line: 4, what: '`require` read as a property (`x.require`)' },
        { line: 5, what: '`require` read as a property (`x.require`)' },
      ]);
    });

    it('flags eval in any form and Function called or constructed: code from text reaches Node unseen', () => {
      const code = [
        'eval("require")("fs");',
        '(0, eval)("process.env");',
        'const e = eval;',
        'globalThis.eval("1");',
        'new Function("return process")();',
        'Function("return require")()("child_process");',
        'const F = Function; new F("x");',
        'self["Function"]("x");',
      ].join('\n');
      assert.deepEqual(webBundleViolations(code), [
        { line: 1, what: '`eval` (code from text at run time)' },
        { line: 2, what: '`eval` (code from text at run time)' },
        { line: 3, what: '`eval` (code from text at run time)' },
        { line: 4, what: '`eval` through `globalThis` (code from text at run time)' },
        { line: 5, what: '`Function` (code from text at run time)' },
        { line: 6, what: '`Function` (code from text at run time)' },
        { line: 7, what: '`Function` (code from text at run time)' },
        { line: 8, what: '`Function` through `self` (code from text at run time)' },
      ]);
    });

    it('does not flag the new forms as text, other properties of the global object, a require key or method, instanceof Function', () => {
      const code = [
        'const s = "globalThis.process.env; module.require(\\"fs\\"); eval(x); new Function(y)";',
        'globalThis.fetch(u); self.postMessage(m); window.addEventListener("x", f);',
        'const o = { require: true, "require": 1 }; class K { require() {} }',
        'x instanceof Function; Function.prototype.call.bind(f);',
        'function g(self) { return self.process; }',
        'const evaluate = 1, Functions = 2; o.eval; o.Function;',
      ].join('\n');
      assert.deepEqual(webBundleViolations(code), []);
    });

    it('does not flag the names as text, properties or local variables', () => {
      const code = [
        'throw new Error("either Buffer or atob is required; process.env; require(\\"fs\\")");',
        'const o = { process: 1, Buffer: 2 }; o.process + o.Buffer;',
        'function f(process) { return process.x; }',
        'let global = 3; global++;',
        '// require("fs") in a comment',
      ].join('\n');
      assert.deepEqual(webBundleViolations(code), []);
    });

    it('reports a bundle that does not parse instead of passing it', () => {
      const [only, ...rest] = webBundleViolations('const = ;');
      assert.deepEqual(rest, []);
      assert.equal(only?.line, 0);
      assert.match(only?.what ?? '', /^the bundle does not parse: /);
    });
  });

  describe(`the built ${WEB_BUNDLE}`, () => {
    let bundle: string;
    before(() => {
      if (!existsSync(BUNDLE)) assert.fail(`${WEB_BUNDLE} is missing${BUILD_HINT}`);
      bundle = readFileSync(BUNDLE, 'utf8');
    });

    it('passes the check: only require("vscode"), no Node global', () => {
      assert.deepEqual(webBundleViolations(bundle), []);
      assert.ok(/require\("vscode"\)/.test(bundle), 'the bundle loads vscode from the host');
      // The desktop-only git runner (src/extension/gitRun.ts) is not in it.
      assert.ok(!bundle.includes('child_process'), 'child_process is in the web bundle');
      assert.ok(!bundle.includes('GIT_OPTIONAL_LOCKS'), 'the desktop git runner is in the web bundle');
    });

    it('is caught by the check with a violation planted in it, at the line it was put', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'release-plan-web-bundle-'));
      try {
        const planted = join(dir, 'extension.js');
        const lines = bundle.split('\n').length;
        await writeFile(planted, `${bundle}\n;require("fs").readFileSync("x");\nconsole.log(process.platform);\n`);
        assert.deepEqual(checkWebBundleFile(planted), [
          `${planted}:${lines + 1}: require("fs") (the web extension runs without Node)`,
          `${planted}:${lines + 2}: the Node global \`process\` (the web extension runs without Node)`,
        ]);
        // The command line fails (exit 1) and names the violations; the clean bundle passes (exit 0).
        const failed = await promisify(execFile)(process.execPath, [SCRIPT, planted]).then(
          () => assert.fail('the check passed a bundle with require("fs")'),
          (error: { code?: number; stderr?: string }) => error,
        );
        assert.equal(failed.code, 1);
        assert.equal(failed.stderr, `${planted}:${lines + 1}: require("fs") (the web extension runs without Node)\n${planted}:${lines + 2}: the Node global \`process\` (the web extension runs without Node)\n`);
        const { stdout } = await promisify(execFile)(process.execPath, [SCRIPT, BUNDLE]);
        assert.equal(stdout, `${BUNDLE}: no Node modules or globals (${Buffer.byteLength(bundle)} bytes)\n`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
