import { checkImportHeader } from './validate-resident-import';

describe('resident import header', () => {
  it('finds the columns in any order and case', () => {
    const h = checkImportHeader(['Relation', 'EMAIL', 'phone', 'full_name', ' unit_number ', 'building_code']);
    expect(h).toEqual({ ok: true, positions: { relation: 0, email: 1, phone: 2, full_name: 3, unit_number: 4, building_code: 5 } });
  });

  it('names missing, unknown and repeated columns', () => {
    const h = checkImportHeader(['building_code', 'unit_number', 'name', 'phone', 'phone', 'relation']);
    expect(h.ok).toBe(false);
    if (h.ok) return;
    expect(h.problems).toEqual([
      { field: 'full_name', reason: 'column is missing from the header' },
      { field: 'email', reason: 'column is missing from the header' },
      { field: 'name', reason: 'is not a known column (expected building_code,unit_number,full_name,phone,email,relation)' },
      { field: 'phone', reason: 'column appears more than once' },
    ]);
  });
});
