// Ticket categories, priorities, the skill each category needs, and the emergency detector that
// suggests a priority from what the resident wrote (English and Chinese keyword rules).

export const TICKET_CATEGORIES = [
  'plumbing',
  'electrical',
  'elevator',
  'cleaning',
  'security',
  'noise',
  'landscaping',
  'common_facilities',
  'other',
] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/** Lowest to highest; the order is used by `comparePriority`. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'emergency'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const STAFF_SKILLS = [
  'plumbing',
  'electrical',
  'elevator',
  'cleaning',
  'security',
  'landscaping',
  'general_maintenance',
  'customer_service',
] as const;
export type StaffSkill = (typeof STAFF_SKILLS)[number];

// Noise complaints go to the security guards (they patrol and can knock on a door at 23:00);
// "other" goes to the front desk, which triages and reclassifies.
export const CATEGORY_SKILL: Readonly<Record<TicketCategory, StaffSkill>> = {
  plumbing: 'plumbing',
  electrical: 'electrical',
  elevator: 'elevator',
  cleaning: 'cleaning',
  security: 'security',
  noise: 'security',
  landscaping: 'landscaping',
  common_facilities: 'general_maintenance',
  other: 'customer_service',
};

export function requiredSkill(category: TicketCategory): StaffSkill {
  return CATEGORY_SKILL[category];
}

export function isTicketCategory(value: unknown): value is TicketCategory {
  return typeof value === 'string' && (TICKET_CATEGORIES as readonly string[]).includes(value);
}

export function isTicketPriority(value: unknown): value is TicketPriority {
  return typeof value === 'string' && (TICKET_PRIORITIES as readonly string[]).includes(value);
}

/** Negative when a is lower than b, 0 when equal, positive when higher. */
export function comparePriority(a: TicketPriority, b: TicketPriority): number {
  return TICKET_PRIORITIES.indexOf(a) - TICKET_PRIORITIES.indexOf(b);
}

export function maxPriority(a: TicketPriority, b: TicketPriority): TicketPriority {
  return comparePriority(a, b) >= 0 ? a : b;
}

/** What a category is worth when the text holds no emergency. */
export const DEFAULT_CATEGORY_PRIORITY: Readonly<Record<TicketCategory, TicketPriority>> = {
  plumbing: 'normal',
  electrical: 'normal',
  // A stopped lift strands elderly residents on upper floors; a broken gate or camera is a hole.
  elevator: 'high',
  security: 'high',
  cleaning: 'normal',
  noise: 'normal',
  landscaping: 'low',
  common_facilities: 'normal',
  other: 'normal',
};

export type EmergencyKind = 'elevator_entrapment' | 'water_burst_or_flooding' | 'gas_leak' | 'fire_or_smoke' | 'electrical_hazard';

export interface PrioritySuggestion {
  priority: TicketPriority;
  emergency: boolean;
  /** Which emergency rules matched (empty when none did). */
  reasons: EmergencyKind[];
}

// Text is NFKC-normalized (full-width letters and digits become ASCII) and lower-cased first.
const ELEVATOR_WORDS = /\b(elevators?|lifts?)\b|电梯|電梯|升降机|升降機|轿厢|轎廂/;
const TRAPPED_WORDS =
  /\b(trapped|entrapment|entrapped|stuck (in|inside)|locked (in|inside)|(someone|somebody|people|person|child|kid|kids|baby|elderly|grandma|grandpa|i am|i'm|we are|we're) (is |are )?(stuck|trapped|inside))\b|困(?!难|難|扰|擾|惑)|关在|關在|卡人|有人在里面|有人在裡面/;
// Always serious water: nothing about a burst pipe or a flooded floor is minor.
const FLOOD_WORDS =
  /\b(burst|bursting|flood|floods|flooded|flooding|gushing|pouring)\b|爆管|爆裂|水管破|管道破|淹|水漫|漫水|跑水|发大水|發大水|积水很深|喷水|噴水/;
// A leak is an emergency unless the resident says it is a small one (safe side: staff can downgrade).
const LEAK_WORDS = /\b(leak|leaks|leaking|leakage)\b|漏水|渗水|滲水/;
const MINOR_LEAK_WORDS = /\b(drip|drips|dripping|slow|small|minor|slight|slightly|tap|faucet)\b|滴水|滴|水龙头|水龍頭|轻微|輕微|一点|一點|有点|有點/;
const GAS_WORDS =
  /\bgas (smell|leak|leaking|odou?r)\b|\bsmells? (of|like) gas\b|\bgas is leaking\b|煤气|煤氣|燃气泄|燃氣洩|燃气漏|燃氣漏|燃气味|燃氣味|天然气味|天然氣味|天然气泄|天然氣洩|液化气|液化氣/;
const GAS_BILLING = /煤气费|煤氣費|燃气费|燃氣費/;
// "fire door", "fire extinguisher", "fire alarm test" are equipment, not fires.
const FIRE_WORDS =
  /\b(on fire|in flames|burning|blaze)\b|\bsmoke\b(?! (detector|detectors|alarm|alarms|sensor|sensors))|\bfire\b(?! (door|doors|extinguisher|extinguishers|exit|exits|escape|hydrant|hose|drill|inspection|safety|alarm test|equipment))|着火|著火|起火|失火|火灾|火災|冒烟|冒煙|浓烟|濃煙|烧起来|燒起來|火苗/;
const ELECTRICAL_HAZARD_WORDS =
  /\b(sparks?|sparking|electric shock|electrocut\w*|live wire|exposed wires?)\b|触电|觸電|漏电|漏電|电火花|電火花|冒火花|电线冒烟|電線冒煙/;

function normalizeText(...parts: string[]): string {
  return parts.join(' \n ').normalize('NFKC').toLowerCase();
}

/** Which emergency rules a text triggers, in a fixed order. */
export function detectEmergencies(category: TicketCategory, title: string, description: string): EmergencyKind[] {
  const text = normalizeText(title, description);
  const found: EmergencyKind[] = [];
  if (TRAPPED_WORDS.test(text) && (category === 'elevator' || ELEVATOR_WORDS.test(text))) found.push('elevator_entrapment');
  if (FLOOD_WORDS.test(text) || (LEAK_WORDS.test(text) && !MINOR_LEAK_WORDS.test(text))) found.push('water_burst_or_flooding');
  if (GAS_WORDS.test(text) && !GAS_BILLING.test(text)) found.push('gas_leak');
  if (FIRE_WORDS.test(text)) found.push('fire_or_smoke');
  if (ELECTRICAL_HAZARD_WORDS.test(text)) found.push('electrical_hazard');
  return found;
}

/**
 * The priority a new ticket should get from its category and text: emergency when any emergency rule
 * matches (an elevator entrapment, a burst pipe / flooding / leak, a gas smell, fire or smoke, sparks
 * or electric shock), else the category's default.
 */
export function suggestPriority(category: TicketCategory, title: string, description: string): PrioritySuggestion {
  const reasons = detectEmergencies(category, title, description);
  if (reasons.length > 0) return { priority: 'emergency', emergency: true, reasons };
  return { priority: DEFAULT_CATEGORY_PRIORITY[category], emergency: false, reasons };
}

/**
 * The priority a ticket is created with: what the resident asked for, but never below a detected
 * emergency (a resident who picks "low" for a burst pipe still gets an emergency). Staff reclassify later.
 */
export function initialPriority(requested: TicketPriority | undefined, suggestion: PrioritySuggestion): TicketPriority {
  if (suggestion.emergency) return 'emergency';
  return requested ?? suggestion.priority;
}
