// Pure domain core of property tickets: no Nest, no TypeORM, no I/O.
export * from './ticket-status';
export * from './ticket-number';
export * from './categories';
export * from './ticket-workflow';
export * from './business-calendar';
export * from './sla-policy';
export * from './sla-clock';
export * from './escalation';
export * from './auto-assign';
export * from './duplicate-detection';
export * from './rating';
