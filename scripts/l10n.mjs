// `npm run l10n`: writes l10n/bundle.l10n.json, the English of every string the extension can show,
// keyed by itself, ready for a translator:
//  - the extension's own words: every literal vscode.l10n.t call in src/extension, as
//    @vscode/l10n-dev extracts them;
//  - the dashboard's words: every entry of src/shared/strings.ts, which the extension translates
//    for the page (src/extension/dashboard/webviewStrings.ts), with its translator's comment if any;
//  - the engine's sentences: every template declared with defineMessages in src/core (findings,
//    go/no-go, readiness, refusals), which the extension renders through vscode.l10n.t with the
//    message's id as the comment (key `template/id`, value { message, comment }).
// A unit test (test/unit/l10n-bundle.test.ts) fails when the committed file differs from this.
// Run with tsx (the package script does): it imports the TypeScript of src/core.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? tsFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))
    .sort();
}

/** Every engine template, by id: loads each module of src/core so each group registers itself. */
export async function engineTemplates() {
  const files = tsFiles(join(ROOT, 'src', 'core'));
  for (const file of files) await import(pathToFileURL(file).href);
  const { declaredMessages } = await import(pathToFileURL(join(ROOT, 'src', 'core', 'message.ts')).href);
  return declaredMessages();
}

export async function buildBundle() {
  const sources = tsFiles(join(ROOT, 'src', 'extension')).map((file) => ({ extension: '.ts', contents: readFileSync(file, 'utf8') }));
  const bundle = { ...(await getL10nJson(sources)) };
  const { WEBVIEW_STRINGS, WEBVIEW_STRING_COMMENTS } = await import(pathToFileURL(join(ROOT, 'src', 'shared', 'strings.ts')).href);
  // Keyed as webviewStrings() looks them up: the English, or `English/comment` with a comment.
  for (const [key, message] of Object.entries(WEBVIEW_STRINGS)) {
    const comment = WEBVIEW_STRING_COMMENTS[key];
    if (comment === undefined) bundle[message] = message;
    else bundle[`${message}/${comment}`] = { message, comment: [comment] };
  }
  const templates = await engineTemplates();
  // Keyed as vscode.l10n.t({ message, comment: [id] }) looks them up (src/extension/translate.ts).
  for (const id of [...templates.keys()].sort()) {
    const template = templates.get(id);
    bundle[`${template}/${id}`] = { message: template, comment: [id] };
  }
  return bundle;
}

export function bundleText(bundle) {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void buildBundle().then((bundle) => {
    writeFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), bundleText(bundle));
    console.log(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} strings`);
  });
}
