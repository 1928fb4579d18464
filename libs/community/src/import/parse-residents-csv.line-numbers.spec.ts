import { DomainError } from '@app/core';
import { parseResidentsCsv } from './parse-residents-csv';

const HEADER = 'building_code,unit_number,full_name,phone,email,relation';

describe('parsing the residents CSV', () => {
  it('numbers rows by the line they start on, skipping blank lines, with CRLF and a BOM', () => {
    const text = `\uFEFF${HEADER}\r\nB1,101,Li Wei,13900000001,,owner\r\n\r\nB1,101,"Li\r\nNa",,,family\r\nB1,102,Zhang San,13900000003,,owner\r\n`;
    const { rows, positions } = parseResidentsCsv(text, 100);
    expect(positions.building_code).toBe(0);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6]);
    expect(rows[1].values[2]).toBe('Li\nNa');
  });

  it('refuses a file without rows, a bad header, an unclosed quote and too many rows with 400s', () => {
    const problem = (text: string, max = 10) => {
      try {
        parseResidentsCsv(text, max);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        return { kind: (e as DomainError).kind, details: (e as DomainError).details };
      }
      throw new Error('expected a DomainError');
    };
    expect(problem('')).toEqual({ kind: 'bad_request', details: [{ field: 'file', reason: 'is empty; the first line must be the header' }] });
    expect(problem('name,phone\n').details).toEqual(expect.arrayContaining([{ field: 'full_name', reason: 'column is missing from the header' }]));
    expect(problem(`${HEADER}\nB1,101,"Li Wei,1390000,,owner\n`).details).toEqual([{ field: 'file', reason: expect.stringMatching(/not valid CSV/) }]);
    expect(problem(`${HEADER}\n${'B1,101,A,13900000001,,owner\n'.repeat(3)}`, 2).details).toEqual([{ field: 'file', reason: 'has more than 2 rows' }]);
  });

  it('accepts a header-only file as zero rows', () => {
    expect(parseResidentsCsv(`${HEADER}\n`, 10).rows).toEqual([]);
  });
});
