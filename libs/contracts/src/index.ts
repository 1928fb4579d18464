// Device protocol (PROTOCOL.md) in code. No Nest, no TypeORM: shared by the backend and devices-sim.
// The face-embedding codec lives in ./embedding and is imported as '@app/contracts/embedding'.
export * from './device';
