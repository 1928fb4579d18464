// The console's REST types are generated from the api's OpenAPI document; this fails when the api
// changed and apps/console/src/api/openapi.d.ts was not regenerated (npm run console:api-types).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestEnv, startTestApi, TestApi, TestEnv } from '@app/testing';

const ROOT = path.resolve(__dirname, '..');

describe('console REST types', () => {
  let env: TestEnv;
  let api: TestApi;
  let dir: string;

  beforeAll(async () => {
    env = await createTestEnv('apitypes');
    api = await startTestApi(env);
    dir = mkdtempSync(path.join(tmpdir(), 'console-api-types-'));
  });
  afterAll(async () => {
    await api?.close();
    await env?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('match the OpenAPI document the api serves now', async () => {
    const docFile = path.join(dir, 'openapi.json');
    writeFileSync(docFile, JSON.stringify((await api.http.get('/api/docs-json')).body));
    // Throws with the script's message (and exit code 1) when the committed file is stale.
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/gen-console-api-types.ts', '--from', docFile, '--check'], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
      encoding: 'utf8',
    });
    expect(out).toContain('up to date');
  });
});
