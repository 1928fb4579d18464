// The browser suite needs the built console and the per-run template database. When the integration
// project ran its global setup first in this jest run, its template is reused.
import 'tsconfig-paths/register';
import { createTemplateDatabase } from '@app/testing/test-env';
import { ensureConsoleBuilt } from '../../scripts/console-build';

export default async function globalSetup(): Promise<void> {
  ensureConsoleBuilt();
  if (!process.env.SC_TEST_TEMPLATE_DB) await createTemplateDatabase();
}
