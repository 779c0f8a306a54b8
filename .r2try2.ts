import { checkPlan } from './src/core/engine';
import { files, TODAY } from './test/unit/helpers';
for (const t of ['steps:\n  - a\n   b: 2\n', 'steps:\n  - a: 1\n    - b: 2\n', 'stable:\n  version: 1\n  - b: 2\n','triggers:\n  - signal: x\n    threshold: 2\n   for: 5m\n']) {
  const r = checkPlan(files({ 'rollback.yaml': t }), { today: TODAY });
  console.log(JSON.stringify(t), r.findings.filter(f=>f.file.endsWith('rollback.yaml')).map(f => `${f.code} ${f.range.start.line+1}:${f.range.start.character+1}-${f.range.end.character+1} ${f.message}`));
}
