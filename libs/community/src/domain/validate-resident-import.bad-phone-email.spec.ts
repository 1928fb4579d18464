import { POSITIONS, rows, SITE } from './resident-import.fixture';
import { validateResidentImport } from './validate-resident-import';

describe('resident import: malformed phone numbers and e-mails', () => {
  it('rejects a phone with letters or too few digits and a malformed e-mail, quoting the value', () => {
    const v = validateResidentImport(rows('B1,101,Li Wei,139abc,,owner', 'B1,101,Li Na,12345,,owner', 'B1,101,Li Ming,,not-an-email,owner'), POSITIONS, SITE);
    expect(v.accepted).toEqual([]);
    expect(v.rejected).toEqual([
      { line: 2, errors: [{ field: 'phone', reason: '"139abc" is not a valid phone number' }] },
      { line: 3, errors: [{ field: 'phone', reason: '"12345" is not a valid phone number' }] },
      { line: 4, errors: [{ field: 'email', reason: '"not-an-email" is not a valid e-mail address' }] },
    ]);
  });

  it('rejects an e-mail already used as a login, whatever its case', () => {
    const v = validateResidentImport(rows('B1,101,Li Wei,,Taken@Example.com,owner'), POSITIONS, SITE);
    expect(v.rejected).toEqual([{ line: 2, errors: [{ field: 'email', reason: 'is already used as a login by another account' }] }]);
  });
});
