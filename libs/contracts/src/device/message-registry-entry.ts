import type { Static, TSchema } from '@sinclair/typebox';
import type { DeviceKind } from './protocol-constants';

/**
 * One typed message (event or command) in a registry: its data schema plus what a schema cannot say.
 * `check` runs after the schema passed and returns why the data is wrong, or null when it is fine
 * (cross-field rules such as "embedding length matches dim").
 */
export interface MessageRegistryEntry<S extends TSchema = TSchema> {
  readonly schema: S;
  readonly kinds: readonly DeviceKind[];
  readonly summary: string;
  readonly check?: (data: Static<S>) => string | null;
}

export function registryEntry<S extends TSchema>(entry: MessageRegistryEntry<S>): MessageRegistryEntry<S> {
  return entry;
}

/** Any entry, for code that walks a registry without caring about each data type. */
export interface AnyRegistryEntry {
  readonly schema: TSchema;
  readonly kinds: readonly DeviceKind[];
  readonly summary: string;
  // `never` so an entry with a specific data type is assignable.
  readonly check?: (data: never) => string | null;
}
