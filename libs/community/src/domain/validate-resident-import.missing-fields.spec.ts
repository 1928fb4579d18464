import { POSITIONS, rows, SITE } from './resident-import.fixture';
import { validateResidentImport } from './validate-resident-import';

describe('resident import: missing fields', () => {
  it('names every missing required field of a row at once', () => {
    const v = validateResidentImport(rows(',,,,,'), POSITIONS, SITE);
    expect(v.accepted).toEqual([]);
    const fields = v.rejected[0].errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['full_name', 'building_code', 'unit_number', 'relation', 'phone']));
    expect(v.rejected[0].errors.find((e) => e.field === 'phone')?.reason).toMatch(/phone or email is required/);
  });

  it('accepts a row with an e-mail but no phone, and rejects one with neither', () => {
    const v = validateResidentImport(rows('B1,101,Li Wei,,li@example.com,owner', 'B1,101,Li Na,,,owner'), POSITIONS, SITE);
    expect(v.accepted.map((a) => a.line)).toEqual([2]);
    expect(v.rejected).toEqual([{ line: 3, errors: [{ field: 'phone', reason: 'phone or email is required (it becomes the login)' }] }]);
  });

  it('rejects a row with more values than the header, and an over-long name', () => {
    const v = validateResidentImport(rows('B1,101,Li Wei,13900000001,,owner,extra', `B1,101,${'x'.repeat(201)},13900000002,,owner`), POSITIONS, SITE);
    expect(v.rejected.map((r) => r.errors.map((e) => e.field))).toEqual([['row'], ['full_name']]);
  });
});
