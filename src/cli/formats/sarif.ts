import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/types';
import type { Shown } from '../output';
import { REPOSITORY_URL, ruleDocs, ruleDocUrl, type RuleDoc } from './ruleDocs';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/** The base id of repository-relative paths (SARIF's conventional name for the source root). */
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** The CLI's version, for `tool.driver.version`. */
  version: string;
  /** The repository root the findings' paths are relative to (absolute). */
  root: string;
  /** The findings' fingerprints (`fingerprints()`), in their order: `partialFingerprints`. */
  fingerprints: readonly string[];
  /** The rule documentation; default: docs/rules.md as bundled. */
  docs?: readonly RuleDoc[];
}

/**
 * A SARIF 2.1.0 log for GitHub code scanning: one run, `tool.driver` with every code the engine can
 * report as a rule (help from docs/rules.md), one result per finding with its full region
 * (1-based; `endColumn` is the column after the last character, as SARIF defines it; columns count
 * UTF-16 code units, like VS Code's) and a repository-relative, percent-encoded `uri`.
 */
export function sarifLog(shown: readonly Shown[], options: SarifOptions): object {
  const docs = options.docs ?? ruleDocs();
  const index = new Map(docs.map((doc, i) => [doc.code, i]));
  const ids = options.fingerprints;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'release-plan',
            version: options.version,
            semanticVersion: options.version,
            informationUri: REPOSITORY_URL,
            rules: docs.map(rule),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.root) } },
        columnKind: 'utf16CodeUnits',
        results: shown.map((f, i) => ({
          ruleId: f.code,
          // A code the catalog does not know cannot happen; without an index the result is still valid.
          ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(f.file), uriBaseId: SRCROOT },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, id) => ({
                  id,
                  physicalLocation: { artifactLocation: { uri: uriOf(r.file), uriBaseId: SRCROOT }, region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn } },
                  message: { text: r.message },
                })),
              }
            : {}),
          partialFingerprints: { 'releasePlanFinding/v1': ids[i] ?? '' },
        })),
      },
    ],
  };
}

function rule(doc: RuleDoc): object {
  return {
    id: doc.code,
    shortDescription: { text: doc.short },
    fullDescription: { text: doc.full },
    helpUri: ruleDocUrl(doc.code),
    help: { text: doc.text, markdown: doc.markdown },
    defaultConfiguration: { level: LEVEL[doc.severity] },
    properties: { tags: ['release-plan', doc.family] },
  };
}

/** A repository-relative path as a URI reference: each segment percent-encoded (`my%20app/…`). */
export function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}
