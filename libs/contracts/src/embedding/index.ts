export * from './embedding-codec';
export * from './face-generator';
export * from './seeded-rng';
