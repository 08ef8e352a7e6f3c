// party-variant: a party spelled differently from the form the release otherwise uses ("Vietnam"
// once in a release that writes "Viet Nam" everywhere else). Style: information.
//
// Two written forms of one party are spelling variants when they are the same letters once case,
// diacritics, spaces, hyphens and apostrophes are set aside ("Viet Nam", "Vietnam", "Việt Nam",
// "VietNam"; "Côte d’Ivoire", "Cote d'Ivoire"), and differ in more than case (a heading in capitals,
// "VIET NAM", writes the same form as "Viet Nam"). Different names of one party are not spelling
// variants: long forms ("Socialist Republic of Viet Nam"), acronyms ("ROK"), and short names beside
// official short forms ("Laos" / "Lao PDR", "South Korea" / "Republic of Korea") are all legitimate.
// A long form that ends with the short name counts as writing it ("Socialist Republic of Viet Nam"
// writes "Viet Nam"). The form written most often wins; on a tie nothing is reported.

import type { PartyMention, Span } from '../analysis/types';
import { fold, isDigitCode, isLetterCode } from '../analysis/text';
import { releaseProse } from './textual';
import type { Check, CheckedRelease } from './check';
import type { Finding } from './finding';

interface Occurrence extends Span {
  /** The form as written: "Viet Nam", "VIET NAM", "Vietnam". */
  readonly written: string;
}

/** The letters and digits of a form, folded: "Việt Nam" → "vietnam". */
export function skeleton(form: string): string {
  const f = fold(form);
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (isLetterCode(c) || isDigitCode(c)) out += f[i];
  }
  return out;
}

/** A form as a reader compares spellings: case set aside, diacritics kept, spacing and quotes normalised. */
export function spellingKey(form: string): string {
  return form
    .toLowerCase()
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name as written in a mention, without a title before it ("Chinh" in "PM Chinh"). */
function nameOf(release: CheckedRelease, mention: PartyMention): Occurrence {
  const text = release.text.slice(mention.start, mention.end);
  if (mention.form && mention.form !== text && text.endsWith(mention.form)) {
    return { start: mention.end - mention.form.length, end: mention.end, written: mention.form };
  }
  return { start: mention.start, end: mention.end, written: text };
}

/** The part of a long form that writes the short name with skeleton `short`, at a word boundary, or null. */
function suffixWriting(occurrence: Occurrence, short: string): Occurrence | null {
  const w = occurrence.written;
  let letters = 0;
  let i = w.length;
  while (i > 0 && letters < short.length) {
    i--;
    const c = w.charCodeAt(i);
    if (isLetterCode(c) || isDigitCode(c)) letters++;
  }
  if (letters !== short.length || i === 0) return null;
  const before = w.charCodeAt(i - 1);
  if (isLetterCode(before) || isDigitCode(before)) return null;
  const written = w.slice(i);
  if (skeleton(written) !== short) return null;
  return { start: occurrence.start + i, end: occurrence.end, written };
}

/** The form to show for a spelling: the one written most often, a capitalised one before one in capitals. */
function displayForm(occurrences: readonly Occurrence[]): string {
  const counts = new Map<string, number>();
  for (const o of occurrences) counts.set(o.written, (counts.get(o.written) ?? 0) + 1);
  let best = occurrences[0]!.written;
  let bestScore = -1;
  for (const [written, count] of counts) {
    const score = count * 2 + (written === written.toUpperCase() ? 0 : 1);
    if (score > bestScore) {
      best = written;
      bestScore = score;
    }
  }
  return best.replace(/\s+/g, ' ');
}

export const partyVariant: Check = {
  code: 'party-variant',
  description: 'A party spelled differently from the form the release otherwise uses.',
  scope: 'document',
  run(release: CheckedRelease): Finding[] {
    const byParty = new Map<string, Occurrence[]>();
    for (const mention of release.analysis.parties) {
      let list = byParty.get(mention.id);
      if (!list) byParty.set(mention.id, (list = []));
      list.push(nameOf(release, mention));
    }
    const findings: Finding[] = flaggedForms(release);
    const flaggedAt = new Set(findings.map((f) => f.start));
    // The workspace's house spellings: any other spelling of the same letters is flagged, even once.
    const preferred = new Map<string, string>();
    for (const form of release.config?.preferredForms ?? []) preferred.set(skeleton(form), form);
    if (preferred.size > 0) {
      for (const occurrences of byParty.values()) {
        for (const o of occurrences) {
          const skel = skeleton(o.written);
          let writing: Occurrence | null = preferred.has(skel) ? o : null;
          if (!writing) {
            for (const short of preferred.keys()) {
              if (short.length < skel.length && skel.endsWith(short) && (writing = suffixWriting(o, short))) break;
            }
          }
          if (!writing || flaggedAt.has(writing.start)) continue;
          const form = preferred.get(skeleton(writing.written))!;
          if (spellingKey(writing.written) === spellingKey(form)) continue;
          findings.push({
            code: 'party-variant',
            severity: 'information',
            message: `“${writing.written.replace(/\s+/g, ' ')}” here; this workspace writes “${form}”`,
            start: writing.start,
            end: writing.end,
            related: [],
            data: { variant: writing.written, usual: form, usualFrom: 'workspace' },
          });
        }
      }
    }
    for (const occurrences of byParty.values()) {
      if (occurrences.length < 3) continue; // a variant needs a form written at least twice beside it
      // Spelling groups: skeleton → spelling key → occurrences.
      const groups = new Map<string, Map<string, Occurrence[]>>();
      const add = (skel: string, o: Occurrence): void => {
        let group = groups.get(skel);
        if (!group) groups.set(skel, (group = new Map()));
        const key = spellingKey(o.written);
        let list = group.get(key);
        if (!list) group.set(key, (list = []));
        list.push(o);
      };
      const skeletons = occurrences.map((o) => skeleton(o.written));
      const distinct = [...new Set(skeletons)].sort((a, b) => b.length - a.length);
      occurrences.forEach((o, i) => {
        const skel = skeletons[i]!;
        add(skel, o);
        // A long form counts as writing the longest shorter form it ends with.
        for (const short of distinct) {
          if (short.length >= skel.length || !skel.endsWith(short)) continue;
          const suffix = suffixWriting(o, short);
          if (suffix) {
            add(short, suffix);
            break;
          }
        }
      });
      for (const [skel, group] of groups) {
        if (group.size < 2 || preferred.has(skel)) continue; // a house spelling was checked above
        const spellings = [...group.values()].sort((a, b) => b.length - a.length);
        const majority = spellings[0]!;
        if (spellings[1]!.length === majority.length) continue; // a tie: no form is the release's own
        const form = displayForm(majority);
        const first = majority.reduce((a, b) => (b.start < a.start ? b : a));
        for (const minority of spellings.slice(1)) {
          for (const o of minority) {
            findings.push({
              code: 'party-variant',
              severity: 'information',
              message: `“${o.written.replace(/\s+/g, ' ')}” here; this release writes “${form}” ${majority.length} times`,
              start: o.start,
              end: o.end,
              related: [{ uri: release.uri, start: first.start, end: first.end, message: `“${form}” as this release writes it` }],
              data: { variant: o.written, usual: form, usualFrom: 'release' },
            });
          }
        }
      }
    }
    return findings;
  },
};

/** Forms the workspace flags, wherever the prose writes them (case and diacritics set aside). */
function flaggedForms(release: CheckedRelease): Finding[] {
  const flagged = release.config?.flaggedForms;
  if (!flagged || flagged.size === 0) return [];
  const folded = releaseProse(release).folded;
  const findings: Finding[] = [];
  for (const [form, replacement] of flagged) {
    const needle = fold(form.trim());
    if (needle.length === 0) continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const before = at > 0 ? folded.charCodeAt(at - 1) : 0x20;
      const after = end < folded.length ? folded.charCodeAt(end) : 0x20;
      if (isLetterCode(before) || isDigitCode(before) || isLetterCode(after) || isDigitCode(after)) continue;
      const written = release.text.slice(at, end);
      findings.push({
        code: 'party-variant',
        severity: 'information',
        message: replacement ? `“${written}”: this workspace writes “${replacement}”` : `“${written}”: this workspace does not use this form`,
        start: at,
        end,
        related: [],
        data: { variant: written, usual: replacement, usualFrom: 'workspace' },
      });
    }
  }
  return findings;
}
