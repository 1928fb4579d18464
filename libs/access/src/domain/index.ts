// Pure access-control domain: no Nest, no TypeORM, no I/O.
export * from './access-policy';
export * from './decide-access';
export * from './default-policies';
export * from './face-thresholds';
export * from './qr-token';
export * from './visitor-pass-token';
export * from './weekly-schedule';
export * from './access-person';
export * from './alarm-workflow';
export * from './facelib-delta';
export * from './scan-replay';
export * from './visitor-pass-rules';
export * from './access-outcome';
export * from './site-access-config';
export * from './facelib-chunks';
export * from './offline-face-library';
export * from './recent-keys';
