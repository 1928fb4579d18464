// The rules of the residents CSV import, apart from parsing and storage: which rows may be imported,
// and for each rejected row every reason, so the property company can fix the file in one pass.
import type { UnitRelation } from '../directory/unit-membership.entity';
import { normalizeEmail, normalizePhone } from './login-identifier';

export const IMPORT_COLUMNS = ['building_code', 'unit_number', 'full_name', 'phone', 'email', 'relation'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const RELATIONS: readonly UnitRelation[] = ['owner', 'tenant', 'family'];
export const MAX_FULL_NAME_LENGTH = 200;

export interface ImportProblem {
  field: string;
  reason: string;
}

/** One data record of the file: `line` is the 1-based line it starts on, `values` are raw strings. */
export interface ImportRow {
  line: number;
  values: string[];
}

/** What the site already holds that a row may refer to or clash with. */
export interface ImportSiteIndex {
  /** building code -> unit number -> unit id */
  units: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Normalized phones of residents of this site (moved-out ones included: the phone stays theirs). */
  residentPhones: ReadonlySet<string>;
  /** Normalized phones and e-mails already used as logins by any account. */
  loginPhones: ReadonlySet<string>;
  loginEmails: ReadonlySet<string>;
}

export interface AcceptedImportRow {
  line: number;
  unitId: string;
  fullName: string;
  phone: string | null;
  email: string | null;
  relation: UnitRelation;
}

export interface RejectedImportRow {
  line: number;
  errors: ImportProblem[];
}

export interface ImportValidation {
  total: number;
  accepted: AcceptedImportRow[];
  rejected: RejectedImportRow[];
}

/** Maps the header to column positions; names are matched case-insensitively, in any order. */
export function checkImportHeader(header: string[]): { ok: true; positions: Record<ImportColumn, number> } | { ok: false; problems: ImportProblem[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const problems: ImportProblem[] = [];
  const positions = {} as Record<ImportColumn, number>;
  for (const col of IMPORT_COLUMNS) {
    const at = names.indexOf(col);
    if (at < 0) problems.push({ field: col, reason: 'column is missing from the header' });
    else positions[col] = at;
  }
  names.forEach((n, i) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(n)) problems.push({ field: n || `column ${i + 1}`, reason: `is not a known column (expected ${IMPORT_COLUMNS.join(',')})` });
    else if (names.indexOf(n) !== i) problems.push({ field: n, reason: 'column appears more than once' });
  });
  return problems.length ? { ok: false, problems } : { ok: true, positions };
}

export function validateResidentImport(rows: ImportRow[], positions: Record<ImportColumn, number>, site: ImportSiteIndex): ImportValidation {
  const accepted: AcceptedImportRow[] = [];
  const rejected: RejectedImportRow[] = [];
  // First line that used each phone / e-mail, so later duplicates can point at it.
  const phoneSeen = new Map<string, number>();
  const emailSeen = new Map<string, number>();
  const width = Object.keys(positions).length;

  for (const row of rows) {
    const errors: ImportProblem[] = [];
    const get = (c: ImportColumn) => (row.values[positions[c]] ?? '').trim();
    if (row.values.length > width) errors.push({ field: 'row', reason: `has ${row.values.length} values, the header has ${width}` });

    const fullName = get('full_name');
    if (!fullName) errors.push({ field: 'full_name', reason: 'is required' });
    else if (fullName.length > MAX_FULL_NAME_LENGTH) errors.push({ field: 'full_name', reason: `is longer than ${MAX_FULL_NAME_LENGTH} characters` });

    const buildingCode = get('building_code');
    const unitNumber = get('unit_number');
    let unitId: string | undefined;
    if (!buildingCode) errors.push({ field: 'building_code', reason: 'is required' });
    if (!unitNumber) errors.push({ field: 'unit_number', reason: 'is required' });
    if (buildingCode) {
      const units = site.units.get(buildingCode);
      if (!units) errors.push({ field: 'building_code', reason: `no building with code "${buildingCode}" in this site` });
      else if (unitNumber) {
        unitId = units.get(unitNumber);
        if (!unitId) errors.push({ field: 'unit_number', reason: `no unit "${unitNumber}" in building ${buildingCode}` });
      }
    }

    const rawRelation = get('relation').toLowerCase();
    if (!rawRelation) errors.push({ field: 'relation', reason: `is required (one of ${RELATIONS.join(', ')})` });
    else if (!(RELATIONS as readonly string[]).includes(rawRelation)) errors.push({ field: 'relation', reason: `must be one of ${RELATIONS.join(', ')}, got "${rawRelation}"` });

    const phone = checkLogin(get('phone'), 'phone', normalizePhone, phoneSeen, row.line, errors, (p) =>
      site.residentPhones.has(p) ? 'already belongs to a resident of this site' : site.loginPhones.has(p) ? 'is already used as a login by another account' : null,
    );
    const email = checkLogin(get('email'), 'email', normalizeEmail, emailSeen, row.line, errors, (e) => (site.loginEmails.has(e) ? 'is already used as a login by another account' : null));
    if (!get('phone') && !get('email')) errors.push({ field: 'phone', reason: 'phone or email is required (it becomes the login)' });

    if (errors.length) rejected.push({ line: row.line, errors });
    else accepted.push({ line: row.line, unitId: unitId!, fullName, phone, email, relation: rawRelation as UnitRelation });
  }
  return { total: rows.length, accepted, rejected };
}

/** Validates one optional login column; returns the normalized value (null when blank or bad). */
function checkLogin(
  raw: string,
  field: 'phone' | 'email',
  normalize: (raw: string) => string | null,
  seen: Map<string, number>,
  line: number,
  errors: ImportProblem[],
  taken: (v: string) => string | null,
): string | null {
  if (!raw) return null;
  const v = normalize(raw);
  if (!v) {
    errors.push({ field, reason: field === 'phone' ? `"${raw}" is not a valid phone number` : `"${raw}" is not a valid e-mail address` });
    return null;
  }
  const first = seen.get(v);
  if (first !== undefined) errors.push({ field, reason: `same ${field} as line ${first}` });
  else seen.set(v, line);
  const clash = taken(v);
  if (clash) errors.push({ field, reason: clash });
  return v;
}
