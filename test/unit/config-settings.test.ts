// The settings module, the manifest's `communique.*` settings and the JSON Schema of the workspace
// file, held together with the code that reads them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/config/settings';
import { parseConfig } from '../../server/src/config/parse';
import { ALL_CHECKS } from '../../server/src/checks/index';
import { metricDefinitions } from '../../server/src/analysis/claims';

const root = resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const schema = JSON.parse(readFileSync(resolve(root, 'schemas', 'communique.schema.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties;

test('readSettings: defaults for what is missing or malformed', () => {
  const rows: [string, unknown, unknown][] = [
    ['nothing', undefined, DEFAULT_SETTINGS],
    ['null', null, DEFAULT_SETTINGS],
    ['disabled checks', { checks: { disabled: ['glued-words'] } }, { ...DEFAULT_SETTINGS, checks: { disabled: ['glued-words'] } }],
    ['disabled checks not a list', { checks: { disabled: 'glued-words' } }, DEFAULT_SETTINGS],
    ['files', { files: ['**/*.md'] }, { ...DEFAULT_SETTINGS, files: ['**/*.md'] }],
    ['files with a number', { files: ['**/*.md', 3] }, DEFAULT_SETTINGS],
    ['trace', { trace: { server: 'verbose' } }, { ...DEFAULT_SETTINGS, trace: { server: 'verbose' } }],
    ['trace unknown', { trace: { server: 'loud' } }, DEFAULT_SETTINGS],
    ['relative-date hints on', { inlayHints: { relativeDates: true } }, { ...DEFAULT_SETTINGS, inlayHints: { relativeDates: true } }],
    ['relative-date hints not a boolean', { inlayHints: { relativeDates: 'yes' } }, DEFAULT_SETTINGS],
  ];
  for (const [name, input, expected] of rows) assert.deepEqual(readSettings(input), expected, name);
});

test('the manifest declares every setting of the module, with the same defaults', () => {
  assert.deepEqual(properties['communique.files'].default, DEFAULT_SETTINGS.files);
  assert.deepEqual(properties['communique.checks.disabled'].default, []);
  assert.equal(properties['communique.checks.disabled'].scope, 'resource');
  assert.deepEqual(properties['communique.checks.disabled'].items.enum, ALL_CHECKS.map((c) => c.code));
  assert.equal(properties['communique.trace.server'].default, DEFAULT_SETTINGS.trace.server);
  assert.equal(properties['communique.inlayHints.relativeDates'].default, DEFAULT_SETTINGS.inlayHints.relativeDates);
});

test('every setting of the manifest is read by the module (the client reads none by itself)', () => {
  // `communique.a.b` is `a.b` of the settings: a setting the module does not know would be read around it.
  const paths = (value: unknown, prefix: string): string[] =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value).flatMap(([key, inner]) => paths(inner, `${prefix}.${key}`))
      : [prefix];
  assert.deepEqual(paths(DEFAULT_SETTINGS, 'communique').sort(), Object.keys(properties).sort());
});

test('the manifest contributes the schema for both file names', () => {
  const validation = manifest.contributes.jsonValidation as { fileMatch: string[]; url: string }[];
  const entry = validation.find((v) => v.url === './schemas/communique.schema.json');
  assert.ok(entry, 'jsonValidation entry');
  assert.deepEqual([...entry.fileMatch].sort(), ['.communique.json', 'communique.config.json']);
  assert.ok(existsSync(resolve(root, entry.url)));
  assert.ok(readFileSync(resolve(root, '.vscodeignore'), 'utf8').includes('!schemas/**'), 'the schema ships in the .vsix');
});

test('the schema and the parser agree on keys, checks and metrics', () => {
  // Every top-level key of the schema is one the parser knows.
  for (const key of Object.keys(schema.properties)) {
    const problems = parseConfig(`{ "${key}": null }`).problems;
    assert.ok(!problems.some((p) => p.message.startsWith('unknown key')), `${key}: ${JSON.stringify(problems)}`);
  }
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual(Object.keys(schema.properties.checks.properties), ALL_CHECKS.map((c) => c.code));
  for (const m of metricDefinitions()) assert.ok(schema.properties.metrics.description.includes(m.id), `the schema names the built-in metric ${m.id}`);
  const metric = schema.properties.metrics.additionalProperties.oneOf[1];
  assert.deepEqual(Object.keys(metric.properties).sort(), ['name', 'phrases', 'symmetric', 'temporal', 'unit']);
  assert.deepEqual(metric.properties.unit.enum, ['money', 'count', 'percent']);
  assert.deepEqual(Object.keys(schema.properties.parties.items.properties).sort(), ['aliases', 'id', 'iso2', 'iso3', 'kind', 'name']);
});

test('the README\'s example configuration is complete and valid', () => {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const example = /```jsonc\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(example, 'a jsonc example in the Configuration section');
  const parsed = parseConfig(example);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(Object.keys(parsed.config!).sort(), Object.keys(schema.properties).filter((k) => k !== '$schema').sort(), 'every key shown');
});
