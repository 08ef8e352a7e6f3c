// The peer index files releases under their keys when a peer is looked up: every look-up must
// still see exactly the releases set (and not deleted) before it, at their latest version.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseDocument } from '../../server/src/analysis/document';
import type { CheckedRelease } from '../../server/src/checks/check';
import { PeerIndex, partyKey } from '../../server/src/features/peers';

const release = (name: string, text: string): CheckedRelease => {
  const uri = `file:///ws/releases/${name}`;
  return { uri, text, analysis: analyseDocument(text, uri) };
};
const uris = (peers: PeerIndex, key: string): string[] => [...peers.with(key)].map((r) => r.uri).sort();

const CAMBODIA = partyKey('KHM');
const LAOS = partyKey('LAO');

test('the peer index finds every release set before a look-up, at its latest version, and none deleted', () => {
  const peers = new PeerIndex();
  peers.set(release('a.txt', 'Cambodia and Viet Nam held talks.'));
  peers.set(release('b.txt', 'Cambodia signed an agreement.'));
  assert.deepEqual(uris(peers, CAMBODIA), ['file:///ws/releases/a.txt', 'file:///ws/releases/b.txt']);
  assert.equal(peers.count(CAMBODIA), 2);

  // Set again before any look-up: found under its new party only.
  peers.set(release('b.txt', 'Laos signed an agreement.'));
  peers.set(release('c.txt', 'Laos and Cambodia met.'));
  peers.delete('file:///ws/releases/c.txt'); // deleted before it was ever filed
  assert.deepEqual(uris(peers, CAMBODIA), ['file:///ws/releases/a.txt']);
  assert.deepEqual(uris(peers, LAOS), ['file:///ws/releases/b.txt']);

  // Filed in steps in the background, then deleted once filed.
  peers.set(release('d.txt', 'Laos hosted the meeting.'));
  peers.set(release('e.txt', 'Laos and Thailand met.'));
  assert.equal(peers.fileSome(1), true, 'one filed, one still waiting');
  assert.equal(peers.fileSome(1), false, 'the last one filed');
  peers.delete('file:///ws/releases/b.txt');
  assert.deepEqual(uris(peers, LAOS), ['file:///ws/releases/d.txt', 'file:///ws/releases/e.txt']);
  assert.ok([...peers.keys()].includes(LAOS));
});
