import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeConfigVars } from './app-config';
import { CONFIG_TABLE_END, CONFIG_TABLE_START, renderConfigTable, renderEnvExample } from './config-docs';

const ROOT = join(__dirname, '..', '..', '..', '..');
const REGENERATE = 'out of date: run npx ts-node --transpile-only -r tsconfig-paths/register scripts/gen-env-example.ts';

describe('.env.example and docs/configuration.md match CONFIG_VARS', () => {
  it('.env.example is exactly what CONFIG_VARS generates', () => {
    const onDisk = readFileSync(join(ROOT, '.env.example'), 'utf8');
    expect(onDisk === renderEnvExample() ? 'up to date' : REGENERATE).toBe('up to date');
  });

  it('.env.example lists every variable once, with its default', () => {
    const lines = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n');
    for (const v of describeConfigVars()) {
      expect(lines.filter((l) => l.startsWith(`# ${v.name}=`))).toEqual([`# ${v.name}=${v.default ?? ''}`]);
    }
  });

  it('docs/configuration.md carries the generated table', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
    const start = doc.indexOf(CONFIG_TABLE_START);
    const end = doc.indexOf(CONFIG_TABLE_END);
    expect(start).toBeGreaterThanOrEqual(0);
    const table = doc.slice(start, end + CONFIG_TABLE_END.length);
    expect(table === renderConfigTable() ? 'up to date' : REGENERATE).toBe('up to date');
    for (const v of describeConfigVars()) expect(table).toContain(`| \`${v.name}\` |`);
  });
});
