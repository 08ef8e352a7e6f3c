// Measures the analysis against a peer's test suite: the English number, currency, percent,
// ordinal and date specs of Microsoft Recognizers-Text, kept as data in
// ../shared/conformance/recognizers-text (see the README there). Each case runs through
// analyseDocument; figures answer the number models, dates the date models.
//
//   npx tsc -p . && node scripts/conformance.mjs [--failures[=N]] [--spec NAME] [--from-source]
//
// A case passes when every expected result is found with the same span (Start and End or Length)
// and, for numbers, currency, percentages and ordinals, the same value (and, for money, the same
// ISO currency when the expected unit names one); a case that expects nothing passes when nothing
// of its kind is found. "clean" counts the passed cases that found nothing more. Cases out of scope
// for press releases are skipped and counted with their reasons. These are another project's
// expectations, not ours: the score is a measurement, not a target (precision on press releases
// comes first).
import { existsSync, readFileSync, statSync, readdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const suite = resolve(root, '..', 'shared', 'conformance', 'recognizers-text');
const args = process.argv.slice(2);
const failuresArg = args.find((a) => a.startsWith('--failures'));
const showFailures = failuresArg ? Number(failuresArg.split('=')[1] ?? 20) || 20 : 0;
const onlySpec = args.includes('--spec') ? args[args.indexOf('--spec') + 1] : null;
const fromSource = args.includes('--from-source');

// ---------------------------------------------------------------------------------------------
// Loading the analysis: the tsc output in out/, or, when it is missing, a bundle made with esbuild.

async function loadAnalysis() {
  const compiled = join(root, 'out', 'server', 'src', 'analysis', 'document.js');
  if (!fromSource && existsSync(compiled)) {
    const stale = newestSource() > statSync(compiled).mtimeMs;
    if (stale) console.log('note: out/ is older than server/src — run `npx tsc -p .` for current results (or pass --from-source)\n');
    return { analyseDocument: require(compiled).analyseDocument, from: 'out/ (tsc)' };
  }
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'communique-conformance-'));
  const outfile = join(dir, 'analysis.cjs');
  try {
    await esbuild.build({
      entryPoints: [join(root, 'server', 'src', 'analysis', 'document.ts')],
      outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent',
    });
  } catch (error) {
    console.error(`could not bundle the analysis from source: ${error.message.split('\n')[0]}`);
    return null;
  }
  return { analyseDocument: require(outfile).analyseDocument, from: 'server/src (bundled with esbuild)' };
}

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'server', 'src', 'analysis'));
  walk(join(root, 'server', 'src', 'knowledge'));
  return newest;
}

// ---------------------------------------------------------------------------------------------
// What each spec file measures, and what is out of scope for press releases.

const MONTHS = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
const WEEKDAYS = /\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?\b/i;
const SPELLED_DAY = '(?:(?:twenty|thirty)[ -])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)';
const DAY_ALONE = new RegExp(`^(?:on |for )?(?:the )?(?:\\d{1,2}(?:st|nd|rd|th)?|${SPELLED_DAY})$`, 'i');
const UNIT_ISO = { Dollar: 'USD', 'United States dollar': 'USD', Pound: 'GBP', 'British pound': 'GBP', Euro: 'EUR' };

const scopeNotes = {
  javascript: 'NotSupported: javascript (the reference implementation we compare with does not support it either)',
};

function common(c) {
  if (typeof c.NotSupported === 'string' && /javascript/i.test(c.NotSupported)) return scopeNotes.javascript;
  return null;
}

const specs = [
  {
    file: 'NumberModel.json',
    kinds: ['number', 'count'],
    values: true,
    outOfScope(c) {
      for (const r of c.Results) {
        const text = r.Text;
        const subtype = r.Resolution?.subtype;
        const before = c.Input.slice(0, r.Start).trimEnd();
        if (subtype === 'fraction') return 'fractions (two thirds, 1 4/5, one over three): releases state shares as percentages';
        if (subtype === 'power') return 'powers and scientific notation (1e10, 1.1^23)';
        if (String(r.Resolution?.value ?? '').startsWith('-')) return 'signed numbers (-1, minus five): a leading dash is a dash or a bullet in releases';
        if (/doz|dzs|lakh|crore/i.test(text)) return 'dozens, lakh and crore';
        if (/\bpoint\b|nought|naught/i.test(text)) return 'spelled-out decimals and nought/naught (two hundred point zero three)';
        if (/[\d.,]\s*(k|g|m|b|mm|mil)$/i.test(text)) return 'letter scales without a currency (10k, 10M, 1.2b, 2mil): measurements in releases (10m, 5G)';
        if (before.endsWith('$')) return 'the number inside an amount of money ("$20"): the amount is the figure';
      }
      return null;
    },
  },
  {
    file: 'PercentModel.json',
    kinds: ['percent'],
    values: true,
    outOfScope(c) {
      for (const r of c.Results) {
        if (/^per/i.test(r.Text)) return 'reversed forms (percent of twenty)';
        if (String(r.Resolution?.value ?? '').startsWith('-')) return 'signed numbers (minus five percent)';
      }
      return null;
    },
  },
  {
    file: 'OrdinalModel.json',
    kinds: ['ordinal'],
    values: true,
    outOfScope(c) {
      if (c.Results.some((r) => r.TypeName === 'ordinal.relative')) return 'relative ordinals (next, last, penultimate)';
      return null;
    },
  },
  {
    file: 'CurrencyModel.json',
    kinds: ['money'],
    values: true,
    outOfScope(c) {
      for (const r of c.Results) {
        const res = r.Resolution ?? {};
        if (res.value === null || res.value === undefined || res.value === 'null') return 'a currency name with no amount ("dollar", "rmb")';
        if (/^(cent|pence|penny|sen)$/i.test(res.unit ?? '')) return 'currency subunits (cents, pence)';
        if (/lakh|crore/i.test(r.Text)) return 'dozens, lakh and crore';
        if (/\band\b/i.test(r.Text) || /\b(dollars?|usd)\s+(\d|[a-z]+ty\b|one|two|three|four|five|six|seven|eight|nine)/i.test(r.Text)) {
          return 'amounts with change in a second unit (3 dollars 50 cents, 15 dollars and 15)';
        }
      }
      return null;
    },
  },
  {
    file: 'DateExtractor.json',
    dates: true,
    outOfScope: dateScope,
  },
  {
    file: 'DatePeriodExtractor.json',
    dates: true,
    outOfScope: dateScope,
  },
];

function dateScope(c) {
  for (const r of c.Results) {
    const text = r.Text.trim();
    if (DAY_ALONE.test(text) && !MONTHS.test(text)) return 'a day number alone, without a month (chat: "on 15", "for the 27th", "the second")';
    if (/^(?:[a-z]+ )?\d{1,2}[/.-]\d{1,2}$/i.test(text)) return 'numeric day and month without a year (4/22, 4.22, friday 7-6)';
    if (/^\d{4}\s*[./-]\s*\d{1,2}$|^\d{1,2}\s*[./-]\s*\d{4}$/.test(text)) return 'numeric year and month (2015.3, 11/2016)';
    if (/tmrw|w\/c/i.test(text)) return 'chat abbreviations (tmrw, w/c)';
    if (/from now|\b(sundays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?) later\b/i.test(text)) return 'chat offsets (two sundays from now, two monday later)';
    if (/^week \d+$/i.test(text)) return 'numbered weeks (week 10)';
  }
  void WEEKDAYS;
  return null;
}

// ---------------------------------------------------------------------------------------------

function expectedSpan(r) {
  const start = r.Start;
  const end = r.End !== undefined ? r.End + 1 : r.Start + r.Length;
  return { start, end };
}

function sameValue(expected, figure) {
  const raw = String(expected.Resolution?.value ?? '').replace(/%$/, '');
  if (raw === '') return true;
  const want = Number(raw);
  if (!Number.isFinite(want)) return true;
  return Math.abs(figure.value - want) <= Math.max(1e-9, Math.abs(want) * 1e-9);
}

function sameCurrency(expected, figure) {
  const res = expected.Resolution ?? {};
  const iso = res.isoCurrency ?? UNIT_ISO[res.unit];
  return iso === undefined || figure.unit === iso;
}

function runCase(spec, analyseDocument, c) {
  const analysis = analyseDocument(c.Input, 'file:///conformance.release.txt');
  const found = spec.dates ? analysis.dates : analysis.figures.filter((f) => spec.kinds.includes(f.kind));
  const used = new Set();
  const problems = [];
  for (const r of c.Results) {
    const { start, end } = expectedSpan(r);
    const match = found.findIndex((f, i) => {
      if (used.has(i) || f.start !== start) return false;
      if (f.end === end) return true;
      // The number model marks the number of a count ("twenty-six" of "twenty-six people").
      return spec.kinds?.includes('count') && f.kind === 'count' && f.end > end && /\s/.test(c.Input[end] ?? '');
    });
    if (match < 0) {
      problems.push(`missing ${JSON.stringify(r.Text)} at ${start}`);
      continue;
    }
    used.add(match);
    if (spec.values && !sameValue(r, found[match])) problems.push(`value of ${JSON.stringify(r.Text)}: ${found[match].value} ≠ ${r.Resolution?.value}`);
    else if (spec.kinds?.includes('money') && !sameCurrency(r, found[match])) problems.push(`currency of ${JSON.stringify(r.Text)}: ${found[match].unit} ≠ ${r.Resolution?.isoCurrency ?? r.Resolution?.unit}`);
  }
  const extra = found.filter((_, i) => !used.has(i));
  if (c.Results.length === 0 && extra.length > 0) problems.push(`expected nothing, found ${extra.map((f) => JSON.stringify(f.text)).join(', ')}`);
  return { passed: problems.length === 0, clean: problems.length === 0 && extra.length === 0, extra, problems, found };
}

async function main() {
  if (!existsSync(suite)) {
    console.log(`No conformance suite at ${suite}: nothing to measure.`);
    return 0;
  }
  const loaded = await loadAnalysis();
  if (loaded === null) {
    console.log('The analysis is not built. Build it first:\n\n  npx tsc -p .\n  node scripts/conformance.mjs\n');
    return 1;
  }
  console.log(`Recognizers-Text English specs, measured with analyseDocument from ${loaded.from}\n`);
  const table = [];
  for (const spec of specs) {
    if (onlySpec && !spec.file.toLowerCase().includes(onlySpec.toLowerCase())) continue;
    const path = join(suite, spec.file);
    if (!existsSync(path)) {
      console.log(`${spec.file}: missing, skipped\n`);
      continue;
    }
    let cases;
    try {
      cases = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      console.log(`${spec.file}: unreadable (${error.message}), skipped\n`);
      continue;
    }
    const reasons = new Map();
    let inScope = 0, passed = 0, clean = 0, extras = 0, crashed = 0;
    // For information: the cases skipped only because the JavaScript port does not support them.
    let jsOnly = 0, jsOnlyPassed = 0;
    const failures = [];
    for (const c of cases) {
      const reason = common(c) ?? spec.outOfScope(c);
      if (reason) {
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        if (reason === scopeNotes.javascript && spec.outOfScope(c) === null) {
          jsOnly++;
          try {
            if (runCase(spec, loaded.analyseDocument, c).passed) jsOnlyPassed++;
          } catch {
            crashed++;
          }
        }
        continue;
      }
      inScope++;
      let result;
      try {
        result = runCase(spec, loaded.analyseDocument, c);
      } catch (error) {
        crashed++;
        failures.push({ c, problems: [`threw ${error?.message ?? error}`], found: [] });
        continue;
      }
      if (result.passed) passed++;
      if (result.clean) clean++;
      extras += result.extra.length;
      if (!result.passed) failures.push({ c, problems: result.problems, found: result.found });
    }
    const skipped = cases.length - inScope;
    const rate = inScope === 0 ? 0 : (100 * passed) / inScope;
    console.log(`${spec.file}: ${cases.length} cases, ${inScope} in scope, ${skipped} skipped`);
    for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  skipped ${String(n).padStart(3)}  ${reason}`);
    console.log(`  passed ${passed} of ${inScope} (${rate.toFixed(1)}%); clean (nothing extra found) ${clean}; extra results ${extras}${crashed ? `; THREW in ${crashed}` : ''}`);
    if (jsOnly > 0) console.log(`  for information: of the ${jsOnly} cases skipped only as NotSupported: javascript, ${jsOnlyPassed} would pass`);
    for (const f of failures.slice(0, showFailures)) {
      console.log(`    ✗ ${JSON.stringify(f.c.Input.length > 120 ? f.c.Input.slice(0, 117) + '...' : f.c.Input)}`);
      console.log(`        ${f.problems.join('; ')}`);
      if (f.found.length) console.log(`        found: ${f.found.map((x) => `${JSON.stringify(x.text)}@${x.start}${x.value !== undefined ? `=${x.value}${x.unit ? ' ' + x.unit : ''}` : ''}`).join(', ')}`);
    }
    console.log('');
    table.push({ spec: spec.file.replace('.json', ''), cases: cases.length, skipped, inScope, passed, rate, clean, extras });
  }
  if (table.length) {
    const header = ['spec', 'cases', 'skipped', 'in scope', 'passed', 'pass rate', 'clean', 'extra'];
    const rows = table.map((t) => [t.spec, t.cases, t.skipped, t.inScope, t.passed, `${t.rate.toFixed(1)}%`, t.clean, t.extras].map(String));
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
    console.log(line(header));
    console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
    for (const r of rows) console.log(line(r));
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`conformance run failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
