// unresolved-date: relative dates in a release that states no date of its own; and the same forms
// in dated releases, and the vague times that name no interval.

import { test } from 'node:test';
import { unresolvedDate } from '../../../server/src/checks/unresolved-date';
import { analysed, assertFindings, type Expected } from './textFixtures';

const NONE = { release: () => undefined, releases: () => [], releasesWithKey: () => [] };

const rows: [string, string, string, Expected[]][] = [
  ['"this year" in plain text with no date', 'file:///ws/press/talks.txt',
    'Two-way trade reached 8.1 billion USD in the first half of this year, the two leaders noted.\n',
    [{ span: 'the first half of this year', severity: 'information', words: ['“the first half of this year” cannot be resolved', 'the release states no date', 'add a dateline'] }]],
  ['two relative dates, one finding each', 'file:///ws/press/visit.txt',
    'Last year the two sides signed five agreements. They will meet again next month.\n',
    [{ span: 'Last year', words: ['“Last year” cannot be resolved'] }, { span: 'next month', words: ['“next month” cannot be resolved'] }]],
  ['Markdown without front matter or dateline: the remedy names both', 'file:///ws/releases/visit.release.md',
    '# Visit\n\nThe delegation arrived yesterday.\n',
    [{ span: 'yesterday', words: ['add a dateline or a front-matter date'] }]],
  ['a dated release resolves "this year"', 'file:///ws/press/talks.txt',
    'Two-way trade reached 8.1 billion USD in the first half of this year.\n\nHanoi, 9 November 2022\n', []],
  ['front matter dates the release', 'file:///ws/releases/visit.release.md',
    '---\ndate: 2022-11-09\n---\n# Visit\n\nThe delegation arrived yesterday.\n', []],
  ['a vague time names no interval: nothing to resolve', 'file:///ws/press/invite.txt',
    'The Prime Minister accepted the invitation to visit at an early date.\n', []],
  ['absolute dates need no release date', 'file:///ws/press/history.txt',
    'The two countries established diplomatic relations on 24 June 1967.\n', []],
];

test('unresolved-date: rows', () => {
  for (const [label, uri, text, expected] of rows) {
    const release = analysed(uri, text);
    assertFindings(release, unresolvedDate.run(release, NONE), expected, label, 'unresolved-date');
  }
});
