// The workspace configuration: parsing with line and column, validation of every key, nearest-wins
// merging, the last good configuration kept, and everything it changes in the analysis and checks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../server/src/config/parse';
import { fileVerdict, mergeConfigs, resolveConfig, analysisOptions, type ResolvedConfig } from '../../server/src/config/resolve';
import { describeProblem, type ConfigFile } from '../../server/src/config/model';
import { ConfigFiles } from '../../server/src/workspace/configFiles';
import { analyseDocument } from '../../server/src/analysis/document';
import type { CheckedRelease } from '../../server/src/checks/check';
import { ALL_CHECKS, runChecks } from '../../server/src/checks/index';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { hoverAt } from '../../server/src/features/hover';
import { outline } from '../../server/src/features/outline';
import { workspaceSymbols } from '../../server/src/features/navigation';
import { inMemoryWorkspace } from './inMemoryWorkspace';

// ---------------------------------------------------------------------------------------------
// Parsing and validation.

interface ProblemRow {
  readonly name: string;
  readonly text: string;
  /** Expected problems: line, column, words of the message. */
  readonly problems: readonly { line: number; column: number; words: string }[];
}

const problemRows: ProblemRow[] = [
  { name: 'an empty object', text: '{}', problems: [] },
  { name: 'an empty file', text: '', problems: [] },
  { name: 'comments and a trailing comma', text: '{\n  // house style\n  "tolerance": 0.1, /* ten per cent */\n}\n', problems: [] },
  { name: 'a missing comma', text: '{\n  "tolerance": 0.1\n  "titles": []\n}', problems: [{ line: 3, column: 3, words: 'comma is expected' }] },
  { name: 'an unclosed object', text: '{\n  "tolerance": 0.1,\n', problems: [{ line: 3, column: 1, words: 'a property name is expected' }] },
  { name: 'an unknown key', text: '{\n  "checks": {},\n    "colour": "red"\n}', problems: [{ line: 3, column: 5, words: 'unknown key "colour"' }] },
  { name: 'an unknown check', text: '{ "checks": { "spelling": "off" } }', problems: [{ line: 1, column: 15, words: 'unknown check "spelling"' }] },
  { name: 'a bad severity', text: '{ "checks": { "glued-words": "loud" } }', problems: [{ line: 1, column: 30, words: 'must be one of error, warning' }] },
  { name: 'a tolerance out of range', text: '{ "tolerance": 5 }', problems: [{ line: 1, column: 16, words: '"tolerance" must be a number from 0 to 0.5' }] },
  { name: 'a party without a kind', text: '{ "parties": [ { "name": "NIDIR" } ] }', problems: [{ line: 1, column: 16, words: 'needs a "name" and a "kind"' }] },
  { name: 'a party of an unknown kind', text: '{ "parties": [ { "name": "NIDIR", "kind": "club" } ] }', problems: [{ line: 1, column: 43, words: '"kind" must be one of' }] },
  { name: 'an unknown key in a party', text: '{ "parties": [ { "name": "NIDIR", "kind": "organization", "acronym": "N" } ] }', problems: [{ line: 1, column: 59, words: 'unknown key "acronym" in a party' }] },
  { name: 'a bad ISO code', text: '{ "parties": [ { "name": "Ruritania", "kind": "country", "iso3": "rur" } ] }', problems: [{ line: 1, column: 66, words: '"iso3" must be 3 capital letters' }] },
  { name: 'an unknown metric', text: '{ "metrics": { "tourism": ["visitor arrivals"] } }', problems: [{ line: 1, column: 16, words: 'unknown metric "tourism"' }] },
  { name: 'a founding date without a date', text: '{ "foundingDates": [ { "organization": "ASEAN" } ] }', problems: [{ line: 1, column: 22, words: 'needs a "date"' }] },
  { name: 'a founding date that is no ISO date', text: '{ "foundingDates": [ { "organization": "ASEAN", "date": "8 August 1967" } ] }', problems: [{ line: 1, column: 57, words: 'must be an ISO date' }] },
  { name: 'three parties to relations', text: '{ "foundingDates": [ { "parties": ["A", "B", "C"], "date": "1967" } ] }', problems: [{ line: 1, column: 35, words: 'names the two parties' }] },
  { name: 'preferred forms that are not strings', text: '{ "preferredForms": ["Viet Nam", 3] }', problems: [{ line: 1, column: 34, words: 'must be a string' }] },
  { name: 'a file that is an array', text: '[]', problems: [{ line: 1, column: 1, words: 'must be an object' }] },
  { name: 'a column after a wide character counts UTF-16 units', text: '{ "titles": ["Trưởng"], "x": 1 }', problems: [{ line: 1, column: 25, words: 'unknown key "x"' }] },
];

test('configuration files: problems with line and column', () => {
  for (const row of problemRows) {
    const parsed = parseConfig(row.text);
    const got = parsed.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    assert.equal(parsed.problems.length, row.problems.length, `${row.name}: ${JSON.stringify(got)}`);
    row.problems.forEach((e, i) => {
      const p = parsed.problems[i]!;
      assert.equal(`${p.line}:${p.column}`, `${e.line}:${e.column}`, `${row.name}: ${got[i]}`);
      assert.ok(p.message.includes(e.words), `${row.name}: ${JSON.stringify(p.message)} lacks ${JSON.stringify(e.words)}`);
      assert.equal(row.text.slice(0, p.start).split('\n').length, p.line, `${row.name}: offset and line agree`);
    });
    assert.equal(parsed.config === null, row.problems.length > 0, `${row.name}: a file with problems configures nothing`);
  }
});

test('configuration files: every key, as written', () => {
  const text = JSON.stringify({
    $schema: './schemas/communique.schema.json',
    checks: { 'glued-words': 'off', 'party-variant': 'warning' },
    tolerance: 0.02,
    files: { include: ['statements/**/*.md'], exclude: ['**/drafts/**'] },
    parties: [{ name: 'National Institute of Diplomacy and International Relations', kind: 'organization', aliases: ['NIDIR'] }],
    aliases: { 'Viet Nam': ['VN'] },
    titles: ['Director-General'],
    preferredForms: ['Viet Nam'],
    flaggedForms: { Kampuchea: 'Cambodia', Indochina: null },
    metrics: { 'trade.total': ['bilateral commerce'] },
    foundingDates: [{ parties: ['Cambodia', 'Viet Nam'], date: '1967-06-24' }, { organization: 'NIDIR', date: '2008' }],
  });
  const parsed = parseConfig(text);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.config?.flaggedForms, { Kampuchea: 'Cambodia', Indochina: null });
  assert.deepEqual(parsed.config?.checks, { 'glued-words': 'off', 'party-variant': 'warning' });
  assert.equal(parsed.config?.tolerance, 0.02);
  assert.deepEqual(parsed.config?.foundingDates?.[1], { organization: 'NIDIR', date: '2008' });
});

test('describeProblem: path:line:column: message', () => {
  const [p] = parseConfig('{\n "x": 1 }').problems;
  assert.equal(describeProblem('/ws/.communique.json', p!), '/ws/.communique.json:2:2: unknown key "x" in the configuration; known keys: checks, tolerance, files, parties, aliases, titles, preferredForms, flaggedForms, metrics, foundingDates');
});

// ---------------------------------------------------------------------------------------------
// Merging: nearest wins, a folder refines its parent.

test('merging: a folder refines its parent', () => {
  const parent: ConfigFile = {
    checks: { 'glued-words': 'off', 'party-variant': 'warning' },
    tolerance: 0.05,
    preferredForms: ['Viet Nam', 'Lao PDR'],
    flaggedForms: { Kampuchea: 'Cambodia' },
    metrics: { 'trade.total': ['bilateral commerce'] },
    titles: ['Director-General'],
  };
  const child: ConfigFile = {
    checks: { 'glued-words': 'hint' },
    tolerance: 0.01,
    preferredForms: ['Vietnam'],
    flaggedForms: { Burma: 'Myanmar' },
    metrics: { 'trade.total': ['commercial exchange'] },
  };
  const merged = mergeConfigs([parent, child]);
  assert.deepEqual(merged.checks, { 'glued-words': 'hint', 'party-variant': 'warning' });
  assert.equal(merged.tolerance, 0.01);
  assert.deepEqual(merged.preferredForms, ['Lao PDR', 'Vietnam'], 'the child spells Viet Nam its own way');
  assert.deepEqual(merged.flaggedForms, { Kampuchea: 'Cambodia', Burma: 'Myanmar' });
  assert.deepEqual(merged.metrics, { 'trade.total': ['bilateral commerce', 'commercial exchange'] });
  assert.deepEqual(merged.titles, ['Director-General'], 'what the child does not say, the parent does');
  assert.deepEqual(mergeConfigs([child, parent]).tolerance, 0.05, 'order matters: the last is the nearest');
});

test('ConfigFiles: nearest wins, both names, last good configuration kept', () => {
  const disk = new Map<string, string>([
    ['/ws/.communique.json', '{ "checks": { "glued-words": "off" }, "tolerance": 0.1 }'],
    ['/ws/releases/2022/communique.config.json', '{ "tolerance": 0.2, "checks": { "party-variant": "error" } }'],
    ['/ws/releases/2022/.communique.json', '{ "tolerance": 0.3 }'],
  ]);
  const files = new ConfigFiles((path) => disk.get(path) ?? null);
  const deep = files.configFor('/ws/releases/2022/a.release.md');
  assert.equal(deep.release.tolerance, 0.3, '.communique.json is nearer than communique.config.json in one folder');
  assert.deepEqual(deep.checks, { 'glued-words': 'off', 'party-variant': 'error' });
  assert.equal(files.configFor('/ws/releases/b.release.md').release.tolerance, 0.1);
  assert.equal(files.configFor('/elsewhere/c.release.md').release.tolerance, undefined);

  // Broken: the problems are reported, the last good configuration stays in force.
  disk.set('/ws/.communique.json', '{ "checks": { "glued-words": "off" }, "tolerance": 0.1,, }');
  assert.equal(files.update('/ws/.communique.json'), false, 'nothing in force changed');
  assert.equal(files.configFor('/ws/releases/b.release.md').release.tolerance, 0.1);
  assert.deepEqual(files.filesFor('/ws/releases/b.release.md').map((f) => f.path), ['/ws/.communique.json']);
  const problems = files.problemsOf('/ws/.communique.json');
  assert.equal(problems.length, 1);
  assert.equal(`${problems[0]!.line}:${problems[0]!.column}`, '1:56');

  // Fixed: the new configuration is in force and the problems are gone.
  disk.set('/ws/.communique.json', '{ "tolerance": 0.15 }');
  assert.equal(files.update('/ws/.communique.json'), true);
  assert.equal(files.configFor('/ws/releases/b.release.md').release.tolerance, 0.15);
  assert.deepEqual(files.problemsOf('/ws/.communique.json'), []);
  assert.deepEqual(files.configFor('/ws/releases/b.release.md').checks, {}, 'the old checks setting is gone with its file');

  // Deleted.
  disk.delete('/ws/.communique.json');
  assert.equal(files.update('/ws/.communique.json'), true);
  assert.equal(files.configFor('/ws/releases/b.release.md').release.tolerance, undefined);
  assert.ok(ConfigFiles.isConfigFile('/ws/x/.communique.json') && ConfigFiles.isConfigFile('C:\\ws\\communique.config.json'));
  assert.ok(!ConfigFiles.isConfigFile('/ws/communique.json'));
});

test('a party no folder knows: a warning with its place in the file that names it; the rest of the file applies', () => {
  const root = [
    '{',
    '  "tolerance": 0.1,',
    '  "aliases": { "Viet Nam": ["VN"], "Ruritania": ["RU"] },',
    '  "foundingDates": [{ "organization": "NIDIR", "date": "2008" }, { "parties": ["Cambodia", "Atlantis"], "date": "1990" }]',
    '}',
  ].join('\n');
  const disk = new Map<string, string>([
    ['/ws/.communique.json', root],
    // NIDIR is a party of a folder below: the root's founding date of NIDIR applies there.
    ['/ws/releases/.communique.json', '{ "parties": [{ "name": "National Institute of Diplomacy and International Relations", "kind": "organization", "aliases": ["NIDIR"] }] }'],
    // The nearer file of the same folder defines NIDIR; "Institute" matches nothing anywhere.
    ['/ws/releases/communique.config.json', '{ "aliases": { "NIDIR": ["the Institute"], "Institute": ["the Institute"] } }'],
  ]);
  const files = new ConfigFiles((path) => disk.get(path) ?? null);
  assert.equal(files.configFor('/ws/releases/a.release.md').release.tolerance, 0.1, 'a warning leaves the file in force');
  const described = (path: string): string[] => files.problemsOf(path).map((p) => describeProblem(path, p));
  assert.deepEqual(described('/ws/.communique.json'), [
    '/ws/.communique.json:3:36: warning: "Ruritania" matches no known party (an id, a form the built-in data knows, or a party of "parties"), so these aliases are not used',
    '/ws/.communique.json:4:92: warning: "Atlantis" matches no known party (an id, a form the built-in data knows, or a party of "parties"), so this founding date is not used',
  ]);
  assert.deepEqual(described('/ws/releases/communique.config.json'), [
    '/ws/releases/communique.config.json:1:44: warning: "Institute" matches no known party (an id, a form the built-in data knows, or a party of "parties"), so these aliases are not used',
  ]);
  assert.deepEqual(files.problemsOf('/ws/releases/.communique.json'), []);
  // The founding date of NIDIR is used where NIDIR is known.
  assert.equal(files.configFor('/ws/releases/a.release.md').release.foundingDates?.get('anniversary:org:national-institute-of-diplomacy-and-international-relations')?.date, '2008');
});

test('the editor\'s unsaved text: its problems as if it were saved, and the file on disk still the one in force', () => {
  const disk = new Map<string, string>([['/ws/.communique.json', '{ "tolerance": 0.1 }']]);
  const files = new ConfigFiles((path) => disk.get(path) ?? null);
  files.configFor('/ws/releases/a.release.md');
  const typed = (text: string): string[] => files.problemsOf('/ws/.communique.json', text).map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`);
  assert.deepEqual(typed('{ "tolerance": 0.2, "colour": 1 }'), [
    '1:21 error unknown key "colour" in the configuration; known keys: checks, tolerance, files, parties, aliases, titles, preferredForms, flaggedForms, metrics, foundingDates',
  ]);
  // A party the unsaved text defines makes its own alias known; one it does not, does not.
  const withParty = '{\n  "parties": [{ "name": "National Institute of Diplomacy and International Relations", "kind": "organization", "aliases": ["NIDIR"] }],\n  "aliases": { "NIDIR": ["the Institute"], "Ruritania": ["RU"] }\n}';
  assert.deepEqual(typed(withParty).map((p) => p.slice(0, p.indexOf(' matches'))), ['3:44 warning "Ruritania"']);
  assert.equal(files.configFor('/ws/releases/a.release.md').release.tolerance, 0.1, 'the unsaved text is not applied');
  assert.deepEqual(files.problemsOf('/ws/.communique.json'), [], 'the file on disk has no problem');
  // A file not yet on disk, being typed.
  assert.equal(files.problemsOf('/ws/releases/.communique.json', '{ "aliases": { "Atlantis": [] } }')[0]?.severity, 'warning');
});

test('files: include and exclude globs relative to the folder of their file; skipping wins', () => {
  const config = resolveConfig([
    { folder: '/ws', config: { files: { include: ['statements/**/*.md'], exclude: ['**/drafts/**'] } } },
    { folder: '/ws/archive', config: { files: { exclude: ['1990s/**'] } } },
  ]);
  const rows: [string, 'include' | 'exclude' | null][] = [
    ['/ws/statements/2022/a.md', 'include'],
    ['/ws/statements/drafts/a.md', 'exclude'],
    ['/ws/releases/drafts/a.release.md', 'exclude'],
    ['/ws/releases/a.md', null],
    ['/ws/archive/1990s/a.md', 'exclude'],
    ['/ws/archive/2000s/a.md', null],
    ['/other/statements/a.md', null],
  ];
  for (const [path, expected] of rows) assert.equal(fileVerdict(path, config.files), expected, path);
});

// ---------------------------------------------------------------------------------------------
// What the configuration changes in the analysis and the checks.

function release(uri: string, text: string, config: ResolvedConfig): CheckedRelease {
  return { uri, text, analysis: analyseDocument(text, uri, analysisOptions(config)), config: config.release };
}

function findings(releases: readonly CheckedRelease[], config: ResolvedConfig, uri = releases[0]!.uri): { code: string; severity: string; text: string; message: string }[] {
  const index = new WorkspaceIndex(ALL_CHECKS);
  releases.forEach((r, i) => index.set(r, i));
  const r = index.release(uri)!;
  return runChecks(r, index, ALL_CHECKS, config.checks).findings.map((f) => ({ code: f.code, severity: f.severity, text: r.text.slice(f.start, f.end), message: f.message }));
}

const resolved = (config: ConfigFile): ResolvedConfig => resolveConfig([{ folder: '/ws', config }]);

test('parties, aliases and titles extend the gazetteer', () => {
  const text = 'The Director-General Sok Dara of NIDIR met the delegation of the Kingdom of Ruritania and of VN in Phnom Penh.\n';
  const plain = analyseDocument(text, 'file:///ws/a.release.md');
  assert.ok(!plain.parties.some((p) => p.text === 'NIDIR'), 'the built-in data does not know NIDIR');
  const config = resolved({
    parties: [
      { name: 'National Institute of Diplomacy and International Relations', kind: 'organization', aliases: ['NIDIR'] },
      { name: 'Ruritania', kind: 'country', aliases: ['Kingdom of Ruritania'], iso2: 'RU', iso3: 'RUR', id: 'RUR' },
    ],
    aliases: { 'Viet Nam': ['VN'] },
    titles: ['Director-General'],
  });
  const analysis = analyseDocument(text, 'file:///ws/a.release.md', analysisOptions(config));
  const byText = new Map(analysis.parties.map((p) => [p.text, p]));
  assert.equal(byText.get('NIDIR')?.kind, 'organization');
  assert.equal(byText.get('NIDIR')?.id, 'org:national-institute-of-diplomacy-and-international-relations');
  assert.equal(byText.get('Kingdom of Ruritania')?.id, 'RUR');
  assert.equal(byText.get('VN')?.id, 'VNM', 'an alias given by a party name');
  const person = analysis.parties.find((p) => p.kind === 'person');
  assert.ok(person && person.text.includes('Sok Dara'), `a configured title marks a person: ${JSON.stringify(analysis.parties.map((p) => [p.text, p.kind]))}`);
});

test('checks: a severity replaces the check\'s own; off does not run it', () => {
  const text = 'Phnom Penh, 3 March 2023 — The bilateralrelations of Cambodia and Viet Nam are good.\n';
  const uri = 'file:///ws/releases/a.release.md';
  const none = resolved({});
  const base = findings([release(uri, text, none)], none);
  assert.ok(base.some((f) => f.code === 'glued-words'), 'glued words found without configuration');
  const raised = resolved({ checks: { 'glued-words': 'error' } });
  assert.deepEqual(findings([release(uri, text, raised)], raised).filter((f) => f.code === 'glued-words').map((f) => f.severity), ['error']);
  const off = resolved({ checks: { 'glued-words': 'off' } });
  assert.deepEqual(findings([release(uri, text, off)], off).filter((f) => f.code === 'glued-words'), []);
});

test('preferred forms: "Viet Nam" flags "Vietnam" even once; a flagged form is always flagged', () => {
  const uri = 'file:///ws/releases/a.release.md';
  const text = 'Phnom Penh, 3 March 2023 — Cambodia and Vietnam met. The Socialist Republic of Vietnam spoke. VIET NAM agreed. Kampuchea was not named.\n';
  const none = resolved({});
  assert.deepEqual(
    findings([release(uri, text, none)], none).filter((f) => f.code === 'party-variant').map((f) => f.text),
    ['VIET NAM'],
    'without a house style the release\'s majority ("Vietnam", twice) decides',
  );
  const config = resolved({ preferredForms: ['Viet Nam'], flaggedForms: { Kampuchea: 'Cambodia' } });
  const got = findings([release(uri, text, config)], config).filter((f) => f.code === 'party-variant');
  assert.deepEqual(got.map((f) => f.text), ['Vietnam', 'Vietnam', 'Kampuchea'], 'capitals write the same form; a long form ending in the variant is flagged at its end');
  assert.ok(got[0]!.message.includes('this workspace writes “Viet Nam”'), got[0]!.message);
  assert.ok(got[2]!.message.includes('“Cambodia”'), got[2]!.message);
  // The house form beats the release's majority.
  const majority = 'Vietnam and Cambodia met. Vietnam spoke. Vietnam agreed. Viet Nam closed.\n';
  const house = resolved({ preferredForms: ['Vietnam'] });
  assert.deepEqual(findings([release(uri, majority, house)], house).filter((f) => f.code === 'party-variant').map((f) => f.text), ['Viet Nam']);
});

test('metrics: an extra phrase names a known metric', () => {
  const text = 'Phnom Penh, 3 March 2023 — Bilateral commerce between Cambodia and Viet Nam reached USD 5.3 billion in 2022.\n';
  const uri = 'file:///ws/a.release.md';
  const metricOf = (config: ResolvedConfig): (string | null)[] => (release(uri, text, config).analysis.claims ?? []).map((c) => c.metric);
  assert.deepEqual(metricOf(resolved({})), [null]);
  assert.deepEqual(metricOf(resolved({ metrics: { 'trade.total': ['bilateral commerce'] } })), ['trade.total']);
});

test('metrics: a new metric with its definition; problems in a definition', () => {
  const text = 'Phnom Penh, 3 March 2023 — Remittances from Cambodia to Viet Nam reached USD 12 million in 2022.\n';
  const uri = 'file:///ws/a.release.md';
  const config = resolved({ metrics: { remittances: { name: 'remittances', unit: 'money', phrases: ['remittances'] } } });
  const claims = release(uri, text, config).analysis.claims ?? [];
  assert.deepEqual(claims.map((c) => [c.metric, c.directional]), [['remittances', true]]);
  assert.deepEqual(release(uri, text, resolved({})).analysis.claims?.map((c) => c.metric), [null]);
  const rows: [string, string][] = [
    ['{ "metrics": { "remittances": { "name": "remittances", "phrases": ["remittances"] } } }', 'needs a "name", a "unit" and "phrases"'],
    ['{ "metrics": { "remittances": { "name": "r", "unit": "euros", "phrases": [] } } }', '"unit" must be one of money, count, percent'],
    ['{ "metrics": { "trade.total": { "name": "r", "unit": "money", "phrases": [] } } }', 'is a built-in metric'],
    ['{ "metrics": { "remittances": { "name": "r", "unit": "money", "phrases": [], "colour": 1 } } }', 'unknown key "colour"'],
  ];
  for (const [file, words] of rows) {
    const problems = parseConfig(file).problems;
    assert.equal(problems.length, 1, `${file}: ${JSON.stringify(problems)}`);
    assert.ok(problems[0]!.message.includes(words), problems[0]!.message);
  }
  // Merging: a nearer file adds phrases to a parent's new metric.
  const merged = mergeConfigs([{ metrics: { remittances: { name: 'remittances', unit: 'money', phrases: ['remittances'] } } }, { metrics: { remittances: ['money transfers'] } }]);
  assert.deepEqual(merged.metrics, { remittances: { name: 'remittances', unit: 'money', phrases: ['remittances', 'money transfers'] } });
});

test('metrics: the hover of a figure says what a configured metric measures, from its definition', () => {
  const text = 'Phnom Penh, 3 March 2023 — Remittances from Cambodia to Viet Nam reached USD 12 million in 2022. Cambodian firms held 240 licensed ventures in Viet Nam at present.\n';
  const uri = 'file:///ws/a.release.md';
  const config = resolved({
    metrics: {
      remittances: { name: 'money sent home', unit: 'money', phrases: ['remittances'] },
      ventures: { name: 'joint ventures', unit: 'count', temporal: 'stock', phrases: ['licensed ventures'] },
    },
  });
  const { analysis } = release(uri, text, config);
  const card = (figure: string): string => hoverAt(analysis, text.indexOf(figure) + 1, undefined, config.metrics)?.markdown ?? '';
  assert.match(card('USD 12 million'), /- Measures: money sent home · Cambodia → Viet Nam · 2022\n- A metric of this workspace: money, a flow over a period/);
  assert.match(card('240'), /- Measures: joint ventures.*\n- A metric of this workspace: count, a stock at a point in time/);
  assert.doesNotMatch(hoverAt(analysis, text.indexOf('USD 12 million') + 1)?.markdown ?? '', /Measures/, 'without the vocabulary it was analysed with, the metric is unknown');
  // The outline and the workspace symbols name the series by the metric's name too, not its id.
  const groups = outline(analysis, config.metrics).find((n) => n.name === 'Figures')?.children.map((n) => n.name) ?? [];
  assert.ok(groups.includes('money sent home · Cambodia → Viet Nam'), groups.join('\n'));
  assert.ok(groups.some((name) => name.startsWith('joint ventures · ')), groups.join('\n'));
  const ws = inMemoryWorkspace({ 'a.release.md': text }, {}, analysisOptions(config));
  const symbols = workspaceSymbols('money sent', ws.view, () => 1, () => config.metrics).map((s) => s.name);
  assert.deepEqual(symbols, ['money sent home · Cambodia → Viet Nam']);
});

test('founding dates: a configured date is checked like the built-in ones, and comes before them', () => {
  const uri = 'file:///ws/releases/a.release.md';
  const text = 'NIDIR celebrates the 15th anniversary of NIDIR in 2023 with its partners.\n';
  const parties = [{ name: 'National Institute of Diplomacy and International Relations', kind: 'organization' as const, aliases: ['NIDIR'] }];
  const right = resolved({ parties, foundingDates: [{ organization: 'NIDIR', date: '2008' }] });
  assert.deepEqual(findings([release(uri, text, right)], right).filter((f) => f.code === 'anniversary-mismatch'), []);
  const wrong = resolved({ parties, foundingDates: [{ organization: 'NIDIR', date: '2010-05-01' }] });
  const got = findings([release(uri, text, wrong)], wrong).filter((f) => f.code === 'anniversary-mismatch');
  assert.equal(got.length, 1);
  assert.ok(got[0]!.message.includes('implies 2008') && got[0]!.message.includes('(workspace configuration)'), got[0]!.message);
  // Relations by party names: the configuration's date wins over the built-in 1967.
  const relations = 'Cambodia and Viet Nam celebrate the 55th anniversary of diplomatic relations in 2022.\n';
  const moved = resolved({ foundingDates: [{ parties: ['Cambodia', 'Viet Nam'], date: '1966' }] });
  const r = findings([release(uri, relations, moved)], moved).filter((f) => f.code === 'anniversary-mismatch');
  assert.equal(r.length, 1);
  assert.ok(r[0]!.message.includes('in 1966 (workspace configuration)'), r[0]!.message);
});
