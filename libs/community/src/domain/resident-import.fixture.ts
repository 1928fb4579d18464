// Shared test fixture of the import specs: one site with buildings B1 (units 101, 102) and B2 (201).
import { checkImportHeader, ImportColumn, ImportRow, ImportSiteIndex, IMPORT_COLUMNS } from './validate-resident-import';

export const SITE: ImportSiteIndex = {
  units: new Map([
    ['B1', new Map([['101', 'unit-101'], ['102', 'unit-102']])],
    ['B2', new Map([['201', 'unit-201']])],
  ]),
  residentPhones: new Set(['13900000009']),
  loginPhones: new Set(['13900000009', '13900000008']),
  loginEmails: new Set(['taken@example.com']),
};

const header = checkImportHeader([...IMPORT_COLUMNS]);
if (!header.ok) throw new Error('fixture header must be valid');
export const POSITIONS: Record<ImportColumn, number> = header.positions;

/** Rows from `building_code,unit_number,full_name,phone,email,relation` lines; line numbers start at 2. */
export function rows(...lines: string[]): ImportRow[] {
  return lines.map((l, i) => ({ line: i + 2, values: l.split(',') }));
}
