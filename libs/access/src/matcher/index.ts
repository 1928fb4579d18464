export * from './exact-float32-matcher';
export * from './face-error-rates';
export * from './face-matcher';
export * from './int8-dot-kernel';
export * from './quantized-matcher';
export * from './template-store';
export * from './vector-math';
