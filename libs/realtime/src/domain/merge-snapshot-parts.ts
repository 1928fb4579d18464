import type { SnapshotSections } from '@app/contracts/realtime';

/** What one snapshot provider produced: its sections, or why it could not. */
export type SnapshotPart = { name: string; ok: true; sections: Partial<SnapshotSections> } | { name: string; ok: false; error: string };

export interface MergedSnapshot {
  sections: Partial<SnapshotSections>;
  /** Providers that failed or timed out (the client keeps what it had for those). */
  unavailable: string[];
}

/**
 * Merges provider results. Two providers may fill the same section (e.g. gates and speakers both
 * add `devices`): items are concatenated, and for one id only the highest version is kept.
 */
export function mergeSnapshotParts(parts: readonly SnapshotPart[]): MergedSnapshot {
  const sections: Partial<Record<keyof SnapshotSections, { id: string; version: number }[]>> = {};
  const unavailable: string[] = [];
  for (const part of parts) {
    if (!part.ok) {
      unavailable.push(part.name);
      continue;
    }
    for (const [key, items] of Object.entries(part.sections) as [keyof SnapshotSections, { id: string; version: number }[] | undefined][]) {
      if (!Array.isArray(items)) continue;
      const merged = (sections[key] ??= []);
      merged.push(...items);
    }
  }
  for (const key of Object.keys(sections) as (keyof SnapshotSections)[]) sections[key] = newestPerId(sections[key]!);
  return { sections: sections as Partial<SnapshotSections>, unavailable };
}

function newestPerId<T extends { id: string; version: number }>(items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const seen = byId.get(item.id);
    if (!seen || item.version > seen.version) byId.set(item.id, item);
  }
  return [...byId.values()];
}
