// Values computed from the releases filed under one key (`WorkspaceFacts.perKey`), kept until one of
// those releases changes: the language server's index and the command line's archive keep them the
// same way.

export class PerKeyValues {
  private readonly values = new Map<string, Map<object, unknown>>();

  /** The value kept for `key` in `slot`, computed by `compute` the first time. */
  get<T>(key: string, slot: object, compute: () => T): T {
    let values = this.values.get(key);
    if (values?.has(slot)) return values.get(slot) as T;
    const value = compute();
    if (!values) this.values.set(key, (values = new Map()));
    values.set(slot, value);
    return value;
  }

  /** Forgets what was kept for `key` (one of its releases changed). */
  forget(key: string): void {
    this.values.delete(key);
  }

  forgetAll(): void {
    this.values.clear();
  }

  get size(): number {
    return this.values.size;
  }
}
