import { ConfigVarDoc, productionRequiredVars, renderConfigTable, renderEnvExample, replaceConfigTable } from './config-docs';

const docs: ConfigVarDoc[] = [
  { name: 'SOME_URL', default: undefined, description: 'where it is', requiredInProduction: false },
  { name: 'MODE', default: 'a', description: 'a | b', requiredInProduction: false },
  { name: 'TOKEN', default: 'dev-token', description: 'signing key', requiredInProduction: true },
  { name: 'OPTIONAL', default: '', description: 'may stay empty', requiredInProduction: false },
];

describe('rendering the configuration docs', () => {
  it('asks loadConfig which defaults production refuses', () => {
    const prod = productionRequiredVars();
    expect(prod).toEqual(expect.arrayContaining(['JWT_ACCESS_SECRET', 'JWT_REFRESH_SECRET', 'QR_SECRET']));
    expect(prod).not.toContain('PORT');
    expect(prod).not.toContain('NODE_ENV');
  });

  it('writes each variable commented out, with required and production notes', () => {
    const text = renderEnvExample(docs);
    expect(text).toContain('# where it is (required)\n# SOME_URL=\n');
    expect(text).toContain('# signing key (must be set in production)\n# TOKEN=dev-token\n');
    expect(text).toContain('# may stay empty\n# OPTIONAL=\n');
    // Nothing is set by copying the file: every assignment is a comment.
    expect(text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))).toEqual([]);
  });

  it('renders a markdown table with escaped pipes and marked requirements', () => {
    const table = renderConfigTable(docs);
    expect(table).toContain('| `SOME_URL` | **required** | where it is |');
    expect(table).toContain('| `MODE` | `a` | a \\| b |');
    expect(table).toContain('| `TOKEN` | `dev-token` | signing key — **must be set in production** |');
    expect(table).toContain('| `OPTIONAL` | (empty) | may stay empty |');
  });

  it('replaces only the text between the markers, and refuses a document without them', () => {
    const table = renderConfigTable(docs);
    const doc = `# Title\n\n${renderConfigTable([])}\n\nafter\n`;
    expect(replaceConfigTable(doc, table)).toBe(`# Title\n\n${table}\n\nafter\n`);
    expect(() => replaceConfigTable('# no markers', table)).toThrow(/markers not found/);
  });
});
