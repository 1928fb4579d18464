import { POSITIONS, rows, SITE } from './resident-import.fixture';
import { validateResidentImport } from './validate-resident-import';

describe('resident import: a clean file', () => {
  it('accepts every row, normalizing phones, e-mails and relations and resolving units', () => {
    const v = validateResidentImport(
      rows('B1,101,Li Wei,+86 139-0000-0001,,owner', 'B1,101,Li Na,,Li.Na@Example.com,Family', 'B2,201, Zhang San ,13900000002,zs@example.com,tenant'),
      POSITIONS,
      SITE,
    );
    expect(v.rejected).toEqual([]);
    expect(v.total).toBe(3);
    expect(v.accepted).toEqual([
      { line: 2, unitId: 'unit-101', fullName: 'Li Wei', phone: '+8613900000001', email: null, relation: 'owner' },
      { line: 3, unitId: 'unit-101', fullName: 'Li Na', phone: null, email: 'li.na@example.com', relation: 'family' },
      { line: 4, unitId: 'unit-201', fullName: 'Zhang San', phone: '13900000002', email: 'zs@example.com', relation: 'tenant' },
    ]);
  });

  it('treats trailing columns left out by a spreadsheet as blank', () => {
    const v = validateResidentImport([{ line: 2, values: ['B1', '102', 'Wang Fang', '13900000003', '', 'owner'] }, { line: 3, values: ['B1', '102', 'Wang Lei', '13900000004'] }], POSITIONS, SITE);
    expect(v.accepted).toHaveLength(1);
    expect(v.rejected).toEqual([{ line: 3, errors: [{ field: 'relation', reason: 'is required (one of owner, tenant, family)' }] }]);
  });
});
