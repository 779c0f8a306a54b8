import type { CheckResult } from '../core/engine';
import { ownerLoads } from '../core/load';
import { releaseHealth, summarizeRelease } from '../core/summary';
import { hasTrackRecord, trackRecordOf } from '../core/trackRecord';
import { RELEASE_FILE } from '../core/types';
import type { DashboardState, FindingView } from './protocol';

/** Builds what the dashboard shows from a check result: plain, serialisable data. */
export function dashboardState(folder: string, result: CheckResult | undefined, generation: number, folderUri = folder): DashboardState {
  if (!result) return { kind: 'no-plan', folder, folderUri };
  const findings: FindingView[] = result.findings.map((f) => ({
    file: f.file,
    line: f.range.start.line,
    character: f.range.start.character,
    endLine: f.range.end.line,
    endCharacter: f.range.end.character,
    severity: f.severity,
    code: f.code,
    message: f.message,
    ...(f.file === RELEASE_FILE && f.path?.[0] === 'tasks' && typeof f.path[1] === 'number' ? { taskIndex: f.path[1] } : {}),
  }));
  const summary = summarizeRelease(result);
  if (!summary) {
    return result.plan.present.has(RELEASE_FILE) ? { kind: 'broken', folder, folderUri, findings: findings.filter((f) => f.file === RELEASE_FILE) } : { kind: 'no-plan', folder, folderUri };
  }
  const record = trackRecordOf(result);
  return { kind: 'plan', folder, folderUri, generation, summary, findings, loads: ownerLoads(result), health: releaseHealth(summary, result.translate), ...(hasTrackRecord(record) ? { trackRecord: record } : {}) };
}
