// An in-memory workspace for the feature tests: releases from strings, indexed as the server
// indexes them (the checks' index and the peer index), with the findings of each release.

import { analyseDocument, type AnalysisOptions } from '../../server/src/analysis/document';
import type { CheckedRelease } from '../../server/src/checks/check';
import type { Finding } from '../../server/src/checks/finding';
import type { ReleaseConfig } from '../../server/src/config/model';
import { ALL_CHECKS, runChecks } from '../../server/src/checks/index';
import { PeerIndex, workspaceView, type WorkspaceView } from '../../server/src/features/peers';
import { WorkspaceIndex } from '../../server/src/workspace/index';

export interface InMemoryWorkspace {
  readonly view: WorkspaceView;
  release(name: string): CheckedRelease;
  uri(name: string): string;
  findings(name: string): readonly Finding[];
}

/**
 * `files`: file name → text. URIs are `file:///ws/releases/<name>`. `configs`: file name → the
 * configuration that applies to it. `options`: how every file is analysed (a configured vocabulary).
 */
export function inMemoryWorkspace(files: Record<string, string>, configs: Record<string, ReleaseConfig> = {}, options: AnalysisOptions = {}): InMemoryWorkspace {
  const index = new WorkspaceIndex(ALL_CHECKS);
  const peers = new PeerIndex();
  const uri = (name: string): string => `file:///ws/releases/${name}`;
  for (const [name, text] of Object.entries(files)) {
    const config = configs[name];
    const release: CheckedRelease = { uri: uri(name), text, analysis: analyseDocument(text, uri(name), options), ...(config ? { config } : {}) };
    index.set(release, 0);
    peers.set(release);
  }
  const findings = (u: string): readonly Finding[] => {
    const release = index.release(u);
    return release ? runChecks(release, index).findings : [];
  };
  return {
    view: workspaceView(index, peers, findings),
    release: (name) => {
      const r = index.release(uri(name));
      if (!r) throw new Error(`no release ${name}`);
      return r;
    },
    uri,
    findings: (name) => findings(uri(name)),
  };
}
