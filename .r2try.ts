import { checkPlan } from './src/core/engine';
import { files, releaseWith, TODAY } from './test/unit/helpers';
const variants: Record<string,string> = {
  five: releaseWith('    owner: Bo\n', '     owner: Bo\n'),
  three: releaseWith('    status: doing\n', '   status: doing\n'),
  both: releaseWith('    owner: Bo\n    status: doing\n', '     owner: Bo\n   status: doing\n'),
  top: releaseWith('target: 2026-12-18\n', ' target: 2026-12-18\n'),
  topLess: releaseWith('  features: 2026-11-30\n', ' features: 2026-11-30\n'),
  roles: releaseWith('roles:\n', 'roles:\n').replace('  delivery: Bo', ' delivery: Bo'),
  colon: releaseWith('    reason: not the problem we solve', '    reason: Not now: maybe v2'),
  colon2: releaseWith('    title: PDF export endpoint', '    title: "Fix" it: now'),
  deeper6: releaseWith('    owner: Bo\n', '      owner: Bo\n'),
  first: releaseWith('    title: PDF export endpoint\n', '     title: PDF export endpoint\n'),
  afterlist: releaseWith('parked:\n', ' parked:\n'),
};
for (const [n, t] of Object.entries(variants)) {
  const r = checkPlan(files({ 'release.yaml': t }), { today: TODAY });
  console.log(n, r.findings.map(f => `${f.code} ${f.range.start.line+1}:${f.range.start.character+1}-${f.range.end.character+1} ${f.message}`));
}
