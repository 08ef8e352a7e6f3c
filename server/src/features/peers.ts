// Which releases share a party, a metric series or a day with a release: the keys hovers,
// references, code lenses and workspace symbols use to find peers without scanning the workspace.
// Pure data structure; the server keeps it in step with the workspace index.

import type { DocumentAnalysis, Span } from '../analysis/types';
import type { Claim } from '../analysis/claimTypes';
import type { CheckedRelease, WorkspaceFacts } from '../checks/check';
import type { Finding } from '../checks/finding';

/** Every statement of a metric about the same parties, whatever its period: "metric:trade.total|KHM>VNM". */
export function metricKey(claim: Claim): string | null {
  if (claim.metric === null || claim.parties.length === 0) return null;
  return `metric:${claim.metric}|${claim.parties.join('>')}`;
}

export function partyKey(id: string): string {
  return `party:${id}`;
}

export function dayKey(iso: string): string {
  return `day:${iso}`;
}

/** The peer keys of one release: its parties, its claims' metric series, and the single days it names. */
export function peerKeys(analysis: DocumentAnalysis): string[] {
  const keys = new Set<string>();
  for (const summary of analysis.partySummaries) keys.add(partyKey(summary.id));
  for (const claim of analysis.claims ?? []) {
    const key = metricKey(claim);
    if (key) keys.add(key);
  }
  for (const date of analysis.dates) if (date.from !== null && date.from === date.to) keys.add(dayKey(date.from));
  return [...keys];
}

/**
 * What the editor features read of the workspace: the checks' view (claim keys through
 * `releasesWithKey`), the peer keys above, and the findings of a release when the caller has them.
 */
export interface WorkspaceView extends WorkspaceFacts {
  /** The releases that registered a peer key (`metricKey`, `partyKey`, `dayKey`), this one included. */
  peers(key: string): Iterable<CheckedRelease>;
  /** Every peer key in the workspace, for workspace symbols. */
  peerKeys(): Iterable<string>;
  /** The current findings of a release, when known. */
  findings?(uri: string): readonly Finding[];
}

/**
 * Releases by peer key, updated release by release. A release set is filed under its keys when a
 * peer is next looked up, or by `fileSome` when nothing else waits: indexing a workspace does not
 * wait for it (filing 10,000 releases took about a twentieth of the time), and every look-up sees
 * every release set before it.
 */
export class PeerIndex {
  /** The releases filed, by URI: their keys are worked out again from them to unfile them. */
  private readonly releases = new Map<string, CheckedRelease>();
  private readonly byKey = new Map<string, Set<string>>();
  /** Releases set and not filed yet, by URI. */
  private readonly unfiled = new Map<string, CheckedRelease>();

  set(release: CheckedRelease): void {
    this.unfiled.set(release.uri, release);
  }

  delete(uri: string): void {
    this.unfiled.delete(uri);
    this.remove(uri);
  }

  /** Files up to `count` of the releases set since the last look-up; false once none is left. */
  fileSome(count: number): boolean {
    for (const release of this.unfiled.values()) {
      if (count-- <= 0) return true;
      this.unfiled.delete(release.uri);
      this.file(release);
    }
    return false;
  }

  *with(key: string): Iterable<CheckedRelease> {
    this.fileAll();
    for (const uri of this.byKey.get(key) ?? []) {
      const release = this.releases.get(uri);
      if (release) yield release;
    }
  }

  keys(): Iterable<string> {
    this.fileAll();
    return this.byKey.keys();
  }

  /** How many releases registered `key`. */
  count(key: string): number {
    this.fileAll();
    return this.byKey.get(key)?.size ?? 0;
  }

  private fileAll(): void {
    if (this.unfiled.size > 0) this.fileSome(this.unfiled.size);
  }

  private file(release: CheckedRelease): void {
    this.remove(release.uri);
    this.releases.set(release.uri, release);
    for (const key of peerKeys(release.analysis)) {
      let uris = this.byKey.get(key);
      if (!uris) this.byKey.set(key, (uris = new Set()));
      uris.add(release.uri);
    }
  }

  private remove(uri: string): void {
    const release = this.releases.get(uri);
    if (!release) return;
    this.releases.delete(uri);
    for (const key of peerKeys(release.analysis)) {
      const uris = this.byKey.get(key);
      if (!uris) continue;
      uris.delete(uri);
      if (uris.size === 0) this.byKey.delete(key);
    }
  }
}

/** The view the features read, over the checks' index, the peer index and optionally the findings. */
export function workspaceView(facts: WorkspaceFacts, peers: PeerIndex, findings?: (uri: string) => readonly Finding[]): WorkspaceView {
  return {
    release: (uri) => facts.release(uri),
    releases: () => facts.releases(),
    releasesWithKey: (key) => facts.releasesWithKey(key),
    peers: (key) => peers.with(key),
    peerKeys: () => peers.keys(),
    ...(findings ? { findings } : {}),
  };
}

/**
 * Where the earliest other release (by release date, then URI) spells out party `id`'s acronym:
 * what Go to Definition opens and the hover's "Acronym defined in" line names, so both say the same.
 */
export function earliestAcronymDefinition(id: string, uri: string, workspace: WorkspaceView): { uri: string; analysis: DocumentAnalysis; span: Span } | null {
  let best: { date: string; uri: string; analysis: DocumentAnalysis; span: Span } | null = null;
  for (const peer of workspace.peers(partyKey(id))) {
    if (peer.uri === uri) continue;
    const span = peer.analysis.partySummaries.find((s) => s.id === id)?.acronymDefinition;
    if (!span) continue;
    const date = peer.analysis.releaseDate?.date ?? '9999';
    if (!best || date < best.date || (date === best.date && peer.uri < best.uri)) best = { date, uri: peer.uri, analysis: peer.analysis, span };
  }
  return best;
}
