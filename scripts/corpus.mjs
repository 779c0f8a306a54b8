// Prints how the problem-* rules agree with the labelled corpus in test/corpus/problems.yaml:
// the confusion table (rows = label, columns = predicted), per-label agreement and every statement
// the rules disagree on. Run with `npm run corpus` (node --import tsx, so no build is needed).
import { fileURLToPath } from 'node:url';
import { formatAgreement, formatTable, loadCorpus, runCorpus } from '../test/corpus/corpus.ts';

const result = runCorpus(loadCorpus(fileURLToPath(new URL('../test/corpus/problems.yaml', import.meta.url))));
console.log(`Problem statements: ${result.entries.length} labelled statements (test/corpus/problems.yaml)\n`);
console.log(formatTable(result));
console.log(`\nAgreement per label: ${formatAgreement(result)}`);
const wrong = result.entries.filter((e) => e.label !== e.predicted);
if (wrong.length > 0) {
  console.log(`\nDisagreements (${wrong.length}):`);
  for (const e of wrong) console.log(`  ${e.label} → ${e.predicted}: ${JSON.stringify(e.text)}`);
}
