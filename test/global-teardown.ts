// jest loads global setup outside its module mapper, so path aliases come from tsconfig-paths.
import 'tsconfig-paths/register';
import { dropRunDatabases } from '@app/testing/test-env';

export default async function globalTeardown(): Promise<void> {
  await dropRunDatabases();
}
