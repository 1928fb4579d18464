import { parse } from 'csv-parse/sync';
import { DomainError } from '@app/core';
import { checkImportHeader, ImportColumn, ImportRow } from '../domain/validate-resident-import';

export interface ParsedResidentsCsv {
  positions: Record<ImportColumn, number>;
  rows: ImportRow[];
}

/** Splits the file into a checked header and data rows numbered by the line they start on. */
export function parseResidentsCsv(text: string, maxRows: number): ParsedResidentsCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Normalized line endings keep csv-parse's line numbers right for CRLF files.
    records = parse(text.replace(/\r\n?/g, '\n'), { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true, to: maxRows + 2 }) as unknown as typeof records;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw DomainError.badRequest(`CSV file is malformed: ${e.message ?? 'unreadable'}`, [{ field: 'file', reason: `is not valid CSV near line ${e.lines ?? '?'}` }]);
  }
  if (records.length === 0) throw DomainError.badRequest('CSV file is empty', [{ field: 'file', reason: 'is empty; the first line must be the header' }]);
  if (records.length - 1 > maxRows) throw DomainError.badRequest(`CSV file has more than ${maxRows} rows; split it`, [{ field: 'file', reason: `has more than ${maxRows} rows` }]);
  const header = checkImportHeader(records[0].record);
  if (!header.ok) throw DomainError.badRequest(`CSV header is wrong: ${header.problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`, header.problems);
  const rows = records.slice(1).map(({ record, info }) => ({
    // csv-parse reports the line a record ends on; a quoted field may span lines.
    line: info.lines - record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0),
    values: record,
  }));
  return { positions: header.positions, rows };
}
