import { POSITIONS, rows, SITE } from './resident-import.fixture';
import { validateResidentImport } from './validate-resident-import';

describe('resident import: relation to the unit', () => {
  it('rejects a relation outside owner, tenant, family and lists the allowed ones', () => {
    const v = validateResidentImport(rows('B1,101,Li Wei,13900000001,,landlord'), POSITIONS, SITE);
    expect(v.rejected).toEqual([{ line: 2, errors: [{ field: 'relation', reason: 'must be one of owner, tenant, family, got "landlord"' }] }]);
  });

  it('accepts relations in any case', () => {
    const v = validateResidentImport(rows('B1,101,Li Wei,13900000001,,OWNER', 'B1,101,Li Na,13900000002,,Tenant'), POSITIONS, SITE);
    expect(v.accepted.map((a) => a.relation)).toEqual(['owner', 'tenant']);
  });
});
