// Likely duplicates: residents report the same broken lobby light several times. A new common-area
// ticket whose normalized location and category match an open ticket from the last 24 hours is
// flagged (not merged: staff decide).
import { TicketCategory } from './categories';
import { OPEN_STATUSES, TicketStatus } from './ticket-status';

export const DUPLICATE_WINDOW_HOURS = 24;

// Word forms of the same place (English and Chinese) mapped to one token, so "Bldg 3 lobby",
// "building 3, Lobby" and "3号楼大堂" compare equal.
const PLACE_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:building|bldg|blk|block|tower)\s*(?:no\.?|#)?\s*(\d+)\b/g, ' bldg$1 '],
  [/(\d+)\s*(?:号楼|號樓|栋|棟|幢|座)/g, ' bldg$1 '],
  [/(\d+)\s*(?:单元|單元)/g, ' entrance$1 '],
  [/\b(?:entrance|stairwell)\s*(?:no\.?|#)?\s*(\d+)\b/g, ' entrance$1 '],
  [/\bb(\d+)\s*(?:层|層|f\b)|地下\s*(\d+)\s*(?:层|層)|\bbasement\s*(\d+)\b/g, ' basement$1$2$3 '],
  [/\b(?:floor|fl|level|lvl)\s*(\d+)\b/g, ' floor$1 '],
  [/\b(\d+)\s*(?:st|nd|rd|th)\s+floor\b/g, ' floor$1 '],
  [/\b(\d+)\s*\/?f\b/g, ' floor$1 '],
  [/(\d+)\s*(?:楼|樓|层|層)/g, ' floor$1 '],
];

const PLACE_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:lobby|foyer|entrance hall)\b|大堂|大厅|大廳|门厅|門廳/g, ' lobby '],
  [/\b(?:elevators?|lifts?)\b|电梯|電梯/g, ' elevator '],
  [/\b(?:car park|carpark|parking(?: lot| garage)?|garage)\b|停车场|停車場|车库|車庫/g, ' parking '],
  [/\b(?:gym|fitness (?:room|center|centre))\b|健身房/g, ' gym '],
  [/\b(?:playground|play area)\b|儿童游乐场|兒童遊樂場|游乐场|遊樂場/g, ' playground '],
  [/\b(?:garden|lawn)\b|花园|花園|绿地|綠地|草坪/g, ' garden '],
  [/\b(?:stairs|staircase|stairway)\b|楼梯|樓梯/g, ' stairs '],
  [/\b(?:corridor|hallway)\b|走廊|过道|過道/g, ' corridor '],
  [/\b(?:main gate|front gate)\b|正门|正門|大门|大門/g, ' gate-main '],
  [/\bnorth gate\b|北门|北門/g, ' gate-north '],
  [/\bsouth gate\b|南门|南門/g, ' gate-south '],
  [/\beast gate\b|东门|東門/g, ' gate-east '],
  [/\bwest gate\b|西门|西門/g, ' gate-west '],
  [/\b(?:swimming pool|pool)\b|游泳池|泳池/g, ' pool '],
];

const NOISE_WORDS = new Set(['the', 'of', 'at', 'in', 'on', 'a', 'an', 'and', '的', '在']);

/**
 * A canonical key for a free-text location: NFKC, lower case, known place words and numbered parts
 * (building, entrance, floor) rewritten to tokens, punctuation dropped, tokens sorted. Returns '' for
 * a blank location.
 */
export function normalizeLocation(location: string): string {
  let s = location.normalize('NFKC').toLowerCase();
  for (const [re, token] of PLACE_PATTERNS) s = s.replace(re, token);
  for (const [re, token] of PLACE_WORDS) s = s.replace(re, token);
  // Chinese filler characters sit inside words; drop them before splitting.
  s = s.replace(/[的在]/g, ' ');
  const tokens = s
    .split(/[^\p{L}\p{N}-]+/u)
    .map((t) => t.replace(/^-+|-+$/g, ''))
    .filter((t) => t.length > 0 && !NOISE_WORDS.has(t));
  return [...new Set(tokens)].sort().join(' ');
}

export interface DuplicateProbe {
  category: TicketCategory;
  /** Common-area tickets have a location and no unit. */
  location?: string | null;
  unitId?: string | null;
  createdAt: Date;
}

export interface ExistingTicket {
  id: string;
  number?: string;
  category: TicketCategory;
  location?: string | null;
  unitId?: string | null;
  status: TicketStatus;
  createdAt: Date;
}

export interface DuplicateCandidate {
  ticketId: string;
  number?: string;
  createdAt: Date;
  /** How long before the new ticket the candidate was created. */
  ageMinutes: number;
}

/**
 * Open common-area tickets of the same category at the same (normalized) location created within the
 * window before the new one, newest first. A ticket for a unit is never a duplicate candidate: two
 * flats can have the same leak.
 */
export function findDuplicateCandidates(
  probe: DuplicateProbe,
  existing: readonly ExistingTicket[],
  windowHours: number = DUPLICATE_WINDOW_HOURS,
): DuplicateCandidate[] {
  if (probe.unitId || !probe.location) return [];
  const key = normalizeLocation(probe.location);
  if (!key) return [];
  const created = probe.createdAt.getTime();
  const windowMs = windowHours * 3_600_000;
  return existing
    .filter((t) => {
      if (t.unitId || !t.location || t.category !== probe.category || !OPEN_STATUSES.has(t.status)) return false;
      const age = created - t.createdAt.getTime();
      return age >= 0 && age <= windowMs && normalizeLocation(t.location) === key;
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((t) => ({
      ticketId: t.id,
      ...(t.number !== undefined ? { number: t.number } : {}),
      createdAt: t.createdAt,
      ageMinutes: Math.floor((created - t.createdAt.getTime()) / 60_000),
    }));
}
