import { Global, Module } from '@nestjs/common';
import { hostname } from 'node:os';
import { AppConfig, ConfigValidationError, loadConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Reads the environment once; the only place in the apps and libs that touches process.env. */
export function configFromEnvironment(app?: string): AppConfig {
  return loadConfig(process.env, app ? `${hostname()}-${app}` : hostname());
}

/** For entry points: the config, or the list of every bad variable on stderr and exit code 78 (EX_CONFIG). */
export function configOrExit(app?: string): AppConfig {
  try {
    return configFromEnvironment(app);
  } catch (err) {
    if (err instanceof ConfigValidationError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config?: AppConfig) {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config ?? configFromEnvironment() }],
      exports: [APP_CONFIG],
    };
  }
}
