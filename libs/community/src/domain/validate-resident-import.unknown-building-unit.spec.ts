import { POSITIONS, rows, SITE } from './resident-import.fixture';
import { validateResidentImport } from './validate-resident-import';

describe('resident import: unknown buildings and units', () => {
  it('rejects a building code the site does not have', () => {
    const v = validateResidentImport(rows('B9,101,Li Wei,13900000001,,owner'), POSITIONS, SITE);
    expect(v.rejected).toEqual([{ line: 2, errors: [{ field: 'building_code', reason: 'no building with code "B9" in this site' }] }]);
  });

  it('rejects a unit number that exists only in another building', () => {
    const v = validateResidentImport(rows('B2,101,Li Wei,13900000001,,owner'), POSITIONS, SITE);
    expect(v.rejected).toEqual([{ line: 2, errors: [{ field: 'unit_number', reason: 'no unit "101" in building B2' }] }]);
  });

  it('matches building codes exactly (codes are case-sensitive like the unique index)', () => {
    const v = validateResidentImport(rows('b1,101,Li Wei,13900000001,,owner'), POSITIONS, SITE);
    expect(v.rejected[0].errors[0].field).toBe('building_code');
  });
});
