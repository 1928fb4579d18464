import { POSITIONS, rows, SITE } from './resident-import.fixture';
import { validateResidentImport } from './validate-resident-import';

describe('resident import: duplicate phones', () => {
  it('rejects a later row repeating a phone of the file (in another format), pointing at the first line', () => {
    const v = validateResidentImport(rows('B1,101,Li Wei,13900000001,,owner', 'B1,102,Li Na,139 0000 0001,,owner', 'B2,201,Li Ming,139-0000-0001,,tenant'), POSITIONS, SITE);
    expect(v.accepted.map((a) => a.line)).toEqual([2]);
    expect(v.rejected).toEqual([
      { line: 3, errors: [{ field: 'phone', reason: 'same phone as line 2' }] },
      { line: 4, errors: [{ field: 'phone', reason: 'same phone as line 2' }] },
    ]);
  });

  it('rejects a phone already belonging to a resident of the site, and one used as another login', () => {
    const v = validateResidentImport(rows('B1,101,Li Wei,13900000009,,owner', 'B1,101,Li Na,13900000008,,owner'), POSITIONS, SITE);
    expect(v.rejected).toEqual([
      { line: 2, errors: [{ field: 'phone', reason: 'already belongs to a resident of this site' }] },
      { line: 3, errors: [{ field: 'phone', reason: 'is already used as a login by another account' }] },
    ]);
  });

  it('rejects duplicate e-mails within the file too', () => {
    const v = validateResidentImport(rows('B1,101,Li Wei,,a@example.com,owner', 'B1,102,Li Na,,A@example.com,owner'), POSITIONS, SITE);
    expect(v.rejected).toEqual([{ line: 3, errors: [{ field: 'email', reason: 'same email as line 2' }] }]);
  });
});
