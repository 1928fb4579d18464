// Two projects: fast unit specs next to the code, and integration specs in test/ that talk to the
// real Postgres, Redis and Mosquitto (each file isolated: own database, key prefix, topic root).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' });
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] };

module.exports = {
  // A global option (jest ignores it inside a project); integration hooks start real apps.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/devices-sim'],
      testMatch: ['**/*.spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.int-spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      // The web console in a real browser (Debian's /usr/bin/chromium driven by playwright-core) against
      // the real api and worker; the global setup builds apps/console when its dist is stale.
      displayName: 'console',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test/console'],
      testMatch: ['**/*.e2e-spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/test/console/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      // Fault injection (npm run test:faults, not part of npm test): each file runs its own private
      // Postgres, Redis and Mosquitto, api and worker processes and a simulated community, for minutes.
      displayName: 'faults',
      testEnvironment: 'node',
      rootDir: __dirname,
      roots: ['<rootDir>/test/faults'],
      testMatch: ['**/*.fault-spec.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      moduleNameMapper,
    },
  ],
};
