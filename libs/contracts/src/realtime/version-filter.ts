// For clients: keep the newest version per entity and drop stale or duplicate events, whatever
// order they arrive in (live events may race a snapshot, or two api instances).

export interface VersionFilter {
  /** True when this (family, id, version) is newer than anything seen; records it. */
  accept(family: string, id: string, version: number): boolean;
  /** The newest version seen, or undefined. */
  current(family: string, id: string): number | undefined;
  clear(): void;
}

export function createVersionFilter(): VersionFilter {
  const seen = new Map<string, number>();
  const key = (family: string, id: string) => `${family}\u0000${id}`;
  return {
    accept(family, id, version) {
      const k = key(family, id);
      const held = seen.get(k);
      if (held !== undefined && version <= held) return false;
      seen.set(k, version);
      return true;
    },
    current: (family, id) => seen.get(key(family, id)),
    clear: () => seen.clear(),
  };
}
