import { Global, Module } from '@nestjs/common';
import { hostname } from 'node:os';
import { AppConfig, loadConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Reads the environment once; the only place in the apps and libs that touches process.env. */
export function configFromEnvironment(): AppConfig {
  return loadConfig(process.env, hostname(), process.pid);
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
