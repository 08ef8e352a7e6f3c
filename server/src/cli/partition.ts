// Which worker thread checks which release. A release's workspace checks read the releases that
// share a key with it; a thread that checks a release it did not analyse, or reads one as a peer,
// decodes it and works out again what the checks keep of it (claim keys, anniversaries, meetings).
// So releases tied by keys, directly or through others, are checked by one thread where the sizes
// allow: each thread then decodes a release once, for its own check and as its group's peer, instead
// of once in every thread. (The split does not follow which thread analysed a release: each thread
// still decodes about (N-1)/N of its releases from the shared memory.)

/**
 * Splits the releases (`keys[i]`: the keys of file i, null for a file not read) into `parts` lists
 * of file indices, ascending, of about equal length. Groups of releases tied by keys go whole to
 * the shortest list, largest first; a group longer than a list should be is cut in file order.
 */
export function partitionByKeys(keys: readonly (readonly string[] | null)[], parts: number): number[][] {
  const parent: number[] = keys.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstWithKey = new Map<string, number>();
  keys.forEach((own, i) => {
    for (const key of own ?? []) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, i);
      else parent[find(i)] = find(first);
    }
  });
  const groups = new Map<number, number[]>();
  keys.forEach((own, i) => {
    if (own === null) return;
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  const total = [...groups.values()].reduce((n, g) => n + g.length, 0);
  const target = Math.ceil(total / parts);
  const lists: number[][] = Array.from({ length: parts }, () => []);
  const shortest = (): number[] => lists.reduce((a, b) => (b.length < a.length ? b : a));
  // Largest first, ties in file order, so the split never depends on the order of a Map.
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  for (const group of ordered) {
    let at = 0;
    while (at < group.length) {
      const list = shortest();
      const room = group.length - at <= target - list.length ? group.length - at : Math.max(1, target - list.length);
      for (const index of group.slice(at, at + room)) list.push(index);
      at += room;
    }
  }
  for (const list of lists) list.sort((a, b) => a - b);
  return lists;
}
