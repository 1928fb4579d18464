import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Static, TSchema } from '@sinclair/typebox';

// One ajv instance for every device schema. `removeAdditional: 'all'` strips fields a schema does
// not define while validating (one pass, compiled): unknown fields are tolerated, never passed on.
// Schemas therefore avoid anyOf/oneOf over objects, where stripping would depend on branch order.
let ajv: Ajv | undefined;

function sharedAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({
      allErrors: false, // first error is enough for a drop reason, and stops early on garbage
      removeAdditional: 'all',
      coerceTypes: false,
      useDefaults: false,
      strict: true,
      // Patterns here are ASCII; without the `u` flag V8 runs them faster.
      unicodeRegExp: false,
    });
    addFormats(ajv, ['date-time']);
  }
  return ajv;
}

export interface CompiledValidator<S extends TSchema> {
  /** Validates and strips unknown fields in place. */
  (value: unknown): value is Static<S>;
  /** Why the last call failed: "data.dim: must be <= 2048". */
  lastError(prefix?: string): string;
}

/** Compiles a TypeBox schema once; the returned function is cheap to call on the hot path. */
export function compileValidator<S extends TSchema>(schema: S): CompiledValidator<S> {
  // TypeBox schemas are plain JSON Schema plus symbol keys ajv ignores.
  const fn: ValidateFunction = sharedAjv().compile(schema);
  const validator = ((value: unknown) => fn(value)) as CompiledValidator<S>;
  validator.lastError = (prefix = '') => describeAjvError(fn.errors?.[0], prefix);
  return validator;
}

/** Lazily compiled validator: the compile cost is paid by the first message, not by importing. */
export function lazyValidator<S extends TSchema>(schema: S): CompiledValidator<S> {
  let compiled: CompiledValidator<S> | undefined;
  const get = () => (compiled ??= compileValidator(schema));
  const validator = ((value: unknown) => get()(value)) as CompiledValidator<S>;
  validator.lastError = (prefix?: string) => get().lastError(prefix);
  return validator;
}

function describeAjvError(error: ErrorObject | undefined, prefix: string): string {
  if (!error) return `${prefix || 'payload'}: invalid`;
  const path = joinPath(prefix, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${joinPath(path, '/' + String(params.missingProperty))}: is required`;
    case 'enum':
      return `${path || 'value'}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${path || 'value'}: must be ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `${path || 'payload'}: must be ${Array.isArray(params.type) ? params.type.join(' or ') : String(params.type)}`;
    default:
      return `${path || 'payload'}: ${error.message ?? 'is invalid'}`;
  }
}

function joinPath(prefix: string, pointer: string): string {
  const dotted = pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`))
    .join('');
  const joined = prefix + dotted;
  return joined.startsWith('.') ? joined.slice(1) : joined;
}
