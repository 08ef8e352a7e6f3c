// unresolved-date: a relative date ("this year", "at present", "the next few days") that cannot be
// resolved because the release states no date of its own. The text is not wrong, but a reader
// cannot place it: information. One finding per mention.

import type { Check, CheckedRelease } from './check';
import type { Finding } from './finding';

export const unresolvedDate: Check = {
  code: 'unresolved-date',
  description: 'A relative date that cannot be resolved because the release has no date.',
  scope: 'document',
  run(release: CheckedRelease): Finding[] {
    const findings: Finding[] = [];
    if (release.analysis.releaseDate) return findings;
    const remedy = release.analysis.format === 'markdown' ? 'add a dateline or a front-matter date' : 'add a dateline';
    for (const date of release.analysis.dates) {
      if (!date.relative || !date.needsReleaseDate) continue;
      findings.push({
        code: 'unresolved-date',
        severity: 'information',
        message: `“${date.text.replace(/\s+/g, ' ')}” cannot be resolved: the release states no date (${remedy})`,
        start: date.start,
        end: date.end,
        related: [],
      });
    }
    return findings;
  },
};
