import assert from 'node:assert/strict';
import { formatAgreement, formatTable, LABELS, loadCorpus, runCorpus } from '../corpus/corpus';

describe('problem statements: the labelled corpus (test/corpus/problems.yaml)', () => {
  const corpus = loadCorpus();
  const result = runCorpus(corpus);

  it('has at least 120 statements, every label used, no statement twice', () => {
    assert.ok(corpus.length >= 120, `only ${corpus.length} statements`);
    for (const label of LABELS) assert.ok(corpus.some((e) => e.label === label), `no statement labelled ${label}`);
    const texts = corpus.map((e) => e.text);
    assert.deepEqual(texts.filter((t, i) => texts.indexOf(t) !== i), []);
  });

  it('holds the statements review 1 found misjudged, with the labels the method gives them', () => {
    const expected: [string, string][] = [
      ['Customers cannot download invoices as PDF and admins cannot export usage data.', 'broad'],
      ['Checkout crashes on Safari and the search page times out.', 'broad'],
      ['Customers want faster search plus a new dashboard.', 'broad'],
      ['Customers cannot pay by card — refunds are slow too.', 'broad'],
      ['Performance improvements for the dashboard and the reports page.', 'vague'],
      ['Our biggest customer, Acme Corp., cannot export its data.', 'one'],
    ];
    for (const [text, label] of expected) {
      assert.equal(corpus.find((e) => e.text === text)?.label, label, text);
      assert.equal(result.entries.find((e) => e.text === text)?.predicted, label, text);
    }
  });

  it('holds the statements review 2 found misjudged, with the labels the method gives them', () => {
    const expected: [string, string][] = [
      ['Customers cannot download their invoices as PDF\nAdmins cannot export usage reports\n', 'broad'],
      ['Customers need SSO login along with a new billing page.', 'broad'],
      ['Customers want dark mode in addition to offline support.', 'broad'],
      ['Customers cannot pay by card while admins cannot export reports.', 'broad'],
      ['Deliver Q4 roadmap items.', 'vague'],
      ['Support the new API.', 'vague'],
      ['Launch the new pricing page before Christmas.', 'vague'],
      ['Customers should have a better time using our product.', 'vague'],
      ['Customers cannot pay by card.Refunds are slow.', 'multi-sentence'],
      ['Checkout fails while a discount code is applied.', 'one'],
    ];
    for (const [text, label] of expected) {
      assert.equal(corpus.find((e) => e.text === text)?.label, label, text);
      assert.equal(result.entries.find((e) => e.text === text)?.predicted, label, text);
    }
  });

  it('agrees with the labels at 95 % or more for every label', () => {
    console.log(`      ${formatAgreement(result)}`);
    const low = result.agreement.filter((a) => a.rate < 0.95);
    const wrong = result.entries.filter((e) => e.label !== e.predicted).map((e) => `${e.label} → ${e.predicted}: ${e.text}`);
    assert.deepEqual(low.map((a) => a.label), [], `below 95 %:\n${formatTable(result)}\n${wrong.join('\n')}`);
  });

  it('counts the table the way the script prints it (rows = label, columns = predicted)', () => {
    const table = formatTable(result).split('\n');
    assert.equal(table.length, 2 + LABELS.length);
    for (const label of LABELS) {
      const total = corpus.filter((e) => e.label === label).length;
      const row = Object.values(result.confusion[label]).reduce((a, b) => a + b, 0);
      assert.equal(row, total, `row ${label}`);
    }
  });
});
