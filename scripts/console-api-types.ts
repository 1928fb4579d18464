// Renders the console's REST types (apps/console/src/api/openapi.d.ts) from the api's OpenAPI document,
// so the web client is typed by what the server declares, never by hand-copied interfaces.
// Used by scripts/gen-console-api-types.ts (writes) and test/console-api-types.int-spec.ts (fails when stale).
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

export const CONSOLE_API_TYPES_FILE = path.resolve(__dirname, '../apps/console/src/api/openapi.d.ts');

const HEADER = '// Generated from the api\'s OpenAPI document by `npm run console:api-types`; do not edit.\n';

export async function renderConsoleApiTypes(openApiDocument: object): Promise<string> {
  const ast = await openapiTS(openApiDocument as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}
