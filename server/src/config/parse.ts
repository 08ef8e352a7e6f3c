// Reading one configuration file: JSON with comments (jsonc-parser), then every key checked against
// the model. Any problem makes the file unusable as a whole (the caller keeps the last good one), and
// every problem has a line and a column so the editor and the command line can point at it. Whether
// a party the file names is known depends on the folder, so the names are kept with their places and
// checked when the file is resolved (resolve.ts).

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { CHECK_SETTINGS, type CheckSetting, type ConfigFile, type ConfigFounding, type ConfigMetric, type ConfigParty, type ConfigPartyName, type ConfigPlace, type ConfigProblem } from './model';
import { ALL_CHECKS } from '../checks/index';
import { metricDefinition } from '../analysis/claims';

export interface ParsedConfig {
  /** The validated file; null when it has any problem. */
  readonly config: ConfigFile | null;
  readonly problems: readonly ConfigProblem[];
  /** The parties the validated file names, with their places: whether each is known depends on the folder (config/resolve.ts). */
  readonly partyNames: readonly ConfigPartyName[];
}

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace is expected',
  CloseBracketExpected: 'a closing bracket is expected',
  EndOfFileExpected: 'the end of the file is expected',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unexpected end of string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode sequence',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

const KINDS = new Set(['country', 'person', 'organization', 'other']);
const TOP_KEYS = ['$schema', 'checks', 'tolerance', 'files', 'parties', 'aliases', 'titles', 'preferredForms', 'flaggedForms', 'metrics', 'foundingDates'];
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

class Validator {
  readonly problems: ConfigProblem[] = [];
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  place(node: { offset: number; length: number }): ConfigPlace {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= node.offset) lo = mid;
      else hi = mid - 1;
    }
    return { start: node.offset, end: node.offset + Math.max(node.length, 1), line: lo + 1, column: node.offset - starts[lo]! + 1 };
  }

  problem(message: string, node: { offset: number; length: number }): void {
    this.problems.push({ message, severity: 'error', ...this.place(node) });
  }

  /** The properties of an object node, unknown keys reported. */
  properties(node: Node, what: string, known: readonly string[] | null): [string, Node, Node][] {
    const out: [string, Node, Node][] = [];
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = String(keyNode.value);
      if (known !== null && !known.includes(key)) {
        this.problem(`unknown key "${key}" in ${what}; known keys: ${known.filter((k) => k !== '$schema').join(', ')}`, keyNode);
        continue;
      }
      out.push([key, keyNode, valueNode]);
    }
    return out;
  }

  is(node: Node, type: Node['type'], what: string): boolean {
    if (node.type === type) return true;
    this.problem(`${what} must be ${type === 'array' ? 'an array' : type === 'object' ? 'an object' : `a ${type}`}`, node);
    return false;
  }

  string(node: Node, what: string): string | null {
    if (!this.is(node, 'string', what)) return null;
    const value = String(node.value);
    if (value.trim().length === 0) {
      this.problem(`${what} must not be empty`, node);
      return null;
    }
    return value;
  }

  strings(node: Node, what: string): string[] | null {
    if (!this.is(node, 'array', what)) return null;
    const out: string[] = [];
    for (const item of node.children ?? []) {
      const s = this.string(item, `each of ${what}`);
      if (s !== null) out.push(s);
    }
    return out;
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1);
  }
  return starts;
}

const UNITS = ['money', 'count', 'percent'];

/** A new metric: {"name", "unit", "symmetric"?, "temporal"?, "phrases"}. */
function readMetric(v: Validator, id: string, node: Node): ConfigMetric | null {
  if (metricDefinition(id)) {
    v.problem(`"${id}" is a built-in metric: give a list of phrases, not a definition`, node);
    return null;
  }
  const metric: { -readonly [K in keyof ConfigMetric]?: ConfigMetric[K] } = {};
  let ok = true;
  for (const [k, , field] of v.properties(node, `the metric "${id}"`, ['name', 'unit', 'symmetric', 'temporal', 'phrases'])) {
    if (k === 'name') metric.name = v.string(field, '"name"') ?? undefined;
    else if (k === 'phrases') metric.phrases = v.strings(field, '"phrases"') ?? undefined;
    else if (k === 'symmetric') {
      if (v.is(field, 'boolean', '"symmetric"')) metric.symmetric = field.value === true;
      else ok = false;
    } else if (k === 'unit') {
      if (field.type === 'string' && UNITS.includes(String(field.value))) metric.unit = field.value as ConfigMetric['unit'];
      else {
        v.problem(`"unit" must be one of ${UNITS.join(', ')}`, field);
        ok = false;
      }
    } else if (field.type === 'string' && (field.value === 'flow' || field.value === 'stock')) metric.temporal = field.value;
    else {
      v.problem('"temporal" must be flow or stock', field);
      ok = false;
    }
  }
  if (metric.name === undefined || metric.unit === undefined || metric.phrases === undefined) {
    const written = new Set((node.children ?? []).map((p) => String(p.children?.[0]?.value)));
    if (!written.has('name') || !written.has('unit') || !written.has('phrases')) v.problem(`the metric "${id}" needs a "name", a "unit" and "phrases"`, node);
    return null;
  }
  return ok ? (metric as ConfigMetric) : null;
}

/** Parses and validates the text of one configuration file. */
export function parseConfig(text: string): ParsedConfig {
  const v = new Validator(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // A file of nothing but whitespace and comments configures nothing.
  if (!root && errors.every((e) => printParseErrorCode(e.error) === 'ValueExpected')) return { config: {}, problems: [], partyNames: [] };
  if (errors.length > 0) {
    // The first syntax error only: the parser's recovery makes the next ones echoes of it.
    const code = printParseErrorCode(errors[0]!.error);
    v.problem(`JSON syntax: ${PARSE_MESSAGES[code] ?? code}`, errors[0]!);
    return { config: null, problems: v.problems, partyNames: [] };
  }
  if (!root) return { config: {}, problems: [], partyNames: [] }; // an empty file configures nothing
  if (!v.is(root, 'object', 'the configuration')) return { config: null, problems: v.problems, partyNames: [] };

  const config: { -readonly [K in keyof ConfigFile]: ConfigFile[K] } = {};
  const partyNames: ConfigPartyName[] = [];
  const codes = ALL_CHECKS.map((c) => c.code);
  for (const [key, , value] of v.properties(root, 'the configuration', TOP_KEYS)) {
    switch (key) {
      case '$schema':
        v.is(value, 'string', '"$schema"');
        break;
      case 'checks': {
        if (!v.is(value, 'object', '"checks"')) break;
        const checks: Record<string, CheckSetting> = {};
        for (const [code, keyNode, setting] of v.properties(value, '"checks"', null)) {
          if (!codes.includes(code)) {
            v.problem(`unknown check "${code}"; checks: ${codes.join(', ')}`, keyNode);
            continue;
          }
          if (setting.type !== 'string' || !CHECK_SETTINGS.includes(setting.value as CheckSetting)) {
            v.problem(`"${code}" must be one of ${CHECK_SETTINGS.join(', ')}`, setting);
            continue;
          }
          checks[code] = setting.value as CheckSetting;
        }
        config.checks = checks;
        break;
      }
      case 'tolerance':
        if (value.type !== 'number' || typeof value.value !== 'number' || value.value < 0 || value.value > 0.5) {
          v.problem('"tolerance" must be a number from 0 to 0.5 (0.05 is 5%)', value);
        } else config.tolerance = value.value;
        break;
      case 'files': {
        if (!v.is(value, 'object', '"files"')) break;
        const files: { include?: string[]; exclude?: string[] } = {};
        for (const [k, , globs] of v.properties(value, '"files"', ['include', 'exclude'])) {
          const list = v.strings(globs, `"files.${k}"`);
          if (list) files[k as 'include' | 'exclude'] = list;
        }
        config.files = files;
        break;
      }
      case 'parties': {
        if (!v.is(value, 'array', '"parties"')) break;
        const parties: ConfigParty[] = [];
        for (const item of value.children ?? []) {
          if (!v.is(item, 'object', 'each party')) continue;
          const party: { -readonly [K in keyof ConfigParty]?: ConfigParty[K] } = {};
          for (const [k, , field] of v.properties(item, 'a party', ['id', 'name', 'kind', 'aliases', 'iso2', 'iso3'])) {
            if (k === 'aliases') {
              const list = v.strings(field, '"aliases"');
              if (list) party.aliases = list;
            } else if (k === 'kind') {
              if (field.type === 'string' && KINDS.has(String(field.value))) party.kind = field.value as ConfigParty['kind'];
              else v.problem(`"kind" must be one of ${[...KINDS].join(', ')}`, field);
            } else if (k === 'iso2' || k === 'iso3') {
              const s = v.string(field, `"${k}"`);
              const length = k === 'iso2' ? 2 : 3;
              if (s !== null && !new RegExp(`^[A-Z]{${length}}$`).test(s)) v.problem(`"${k}" must be ${length} capital letters`, field);
              else if (s !== null) party[k] = s;
            } else {
              const s = v.string(field, `"${k}"`);
              if (s !== null) party[k as 'id' | 'name'] = s;
            }
          }
          if (party.name === undefined || party.kind === undefined) {
            // A key written with a bad value was reported already; a missing one is reported here.
            const written = new Set((item.children ?? []).map((p) => String(p.children?.[0]?.value)));
            if (!written.has('name') || !written.has('kind')) v.problem('a party needs a "name" and a "kind"', item);
            continue;
          }
          parties.push(party as ConfigParty);
        }
        config.parties = parties;
        break;
      }
      case 'aliases':
      case 'flaggedForms':
      case 'metrics': {
        if (!v.is(value, 'object', `"${key}"`)) break;
        if (key === 'flaggedForms') {
          const flagged: Record<string, string | null> = {};
          for (const [form, , replacement] of v.properties(value, '"flaggedForms"', null)) {
            if (replacement.type === 'null') flagged[form] = null;
            else {
              const s = v.string(replacement, `the replacement of "${form}"`);
              if (s !== null) flagged[form] = s;
            }
          }
          config.flaggedForms = flagged;
          break;
        }
        const record: Record<string, string[]> = {};
        const metrics: Record<string, string[] | ConfigMetric> = {};
        for (const [k, keyNode, list] of v.properties(value, `"${key}"`, null)) {
          if (key === 'metrics' && list.type === 'object') {
            const metric = readMetric(v, k, list);
            if (metric) metrics[k] = metric;
            continue;
          }
          if (key === 'metrics' && !metricDefinition(k)) {
            v.problem(`unknown metric "${k}": give its definition ({"name", "unit", "phrases"}) or use an id of knowledge/metrics.json ("trade.total", "trade.flow", …)`, keyNode);
            continue;
          }
          const strings = v.strings(list, `"${key}.${k}"`);
          if (strings) (key === 'metrics' ? metrics : record)[k] = strings;
          if (strings && key === 'aliases') partyNames.push({ name: k, key, ...v.place(keyNode) });
        }
        if (key === 'aliases') config.aliases = record;
        else config.metrics = metrics;
        break;
      }
      case 'titles':
      case 'preferredForms': {
        const list = v.strings(value, `"${key}"`);
        if (list) config[key] = list;
        break;
      }
      case 'foundingDates': {
        if (!v.is(value, 'array', '"foundingDates"')) break;
        const dates: ConfigFounding[] = [];
        for (const item of value.children ?? []) {
          if (!v.is(item, 'object', 'each founding date')) continue;
          let date: string | null = null;
          let parties: string[] | null = null;
          let organization: string | null = null;
          let named: Node[] = [];
          for (const [k, , field] of v.properties(item, 'a founding date', ['parties', 'organization', 'date'])) {
            if (k === 'date') {
              date = v.string(field, '"date"');
              if (date !== null && !ISO_DATE.test(date)) {
                v.problem('"date" must be an ISO date: YYYY-MM-DD, YYYY-MM or YYYY', field);
                date = null;
              }
            } else if (k === 'parties') {
              parties = v.strings(field, '"parties"');
              if (parties && parties.length !== 2) {
                v.problem('"parties" names the two parties of the relations', field);
                parties = null;
              }
              named = field.children ?? [];
            } else {
              organization = v.string(field, '"organization"');
              named = [field];
            }
          }
          if (date === null || (parties === null) === (organization === null)) {
            const written = new Set((item.children ?? []).map((p) => String(p.children?.[0]?.value)));
            if (!written.has('date')) v.problem('a founding date needs a "date"', item);
            else if (written.has('parties') === written.has('organization')) v.problem('a founding date has either "parties" (two) or an "organization"', item);
            continue;
          }
          dates.push(parties ? { parties: [parties[0]!, parties[1]!], date } : { organization: organization!, date });
          for (const node of named) partyNames.push({ name: String(node.value), key: 'foundingDates', ...v.place(node) });
        }
        config.foundingDates = dates;
        break;
      }
    }
  }
  return v.problems.length > 0 ? { config: null, problems: v.problems, partyNames: [] } : { config, problems: [], partyNames };
}
