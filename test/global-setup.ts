// jest loads global setup outside its module mapper, so path aliases come from tsconfig-paths.
import 'tsconfig-paths/register';
import { createTemplateDatabase } from '@app/testing/test-env';

export default async function globalSetup(): Promise<void> {
  await createTemplateDatabase();
}
