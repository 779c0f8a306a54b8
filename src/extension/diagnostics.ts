import * as vscode from 'vscode';
import { Disposable } from './dispose';
import type { Finding } from '../core/types';
import { planUri } from './planFiles';
import type { FolderPlan, PlanStore } from './planStore';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Codes whose text should not be in the release at all: shown faded. */
const UNNECESSARY = new Set(['scope-refactor']);

export const DIAGNOSTIC_SOURCE = 'release-plan';

export function toDiagnostic(finding: Finding, docs: vscode.Uri, folder?: vscode.WorkspaceFolder): vscode.Diagnostic {
  const { start, end } = finding.range;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.code, target: docs.with({ fragment: finding.code }) };
  if (UNNECESSARY.has(finding.code)) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  if (folder && finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      ({ file, range, message }) => new vscode.DiagnosticRelatedInformation(new vscode.Location(planUri(folder, file), new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character)), message),
    );
  }
  return diagnostic;
}

/**
 * Publishes each folder's findings to one DiagnosticCollection, and clears the files of a folder
 * that no longer has findings there (file fixed, deleted, or folder closed).
 */
export class DiagnosticsManager extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
  /** URIs published per folder, so a folder's stale entries can be cleared. */
  private readonly published = new Map<string, Set<string>>();
  constructor(
    store: PlanStore,
    private readonly docs: vscode.Uri,
  ) {
    super();
    this._register(store.onDidChange((folder) => this.publish(folder, store.get(folder))));
  }

  private publish(folder: vscode.WorkspaceFolder, plan: FolderPlan | undefined): void {
    const key = folder.uri.toString();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const finding of plan?.result.findings ?? []) {
      const uri = planUri(folder, finding.file).toString();
      const list = byFile.get(uri) ?? [];
      list.push(toDiagnostic(finding, this.docs, folder));
      byFile.set(uri, list);
    }
    for (const uri of this.published.get(key) ?? []) {
      if (!byFile.has(uri)) this.collection.delete(vscode.Uri.parse(uri));
    }
    for (const [uri, diagnostics] of byFile) this.collection.set(vscode.Uri.parse(uri), diagnostics);
    this.published.set(key, new Set(byFile.keys()));
  }

}
