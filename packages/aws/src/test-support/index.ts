/**
 * Test support for packages that test against `moto_server` (import `@nasdaq-pipeline/aws/test-support`).
 *
 * @packageDocumentation
 */
export { findMotoCommand, requireMotoCommand, startMotoServer } from './moto.js';
export type { MotoAthenaResult, MotoCommand, MotoServer } from './moto.js';
export { createMotoClients } from './clients.js';
export type { MotoClients } from './clients.js';
export { useMotoServer } from './use-moto-server.js';
export type { MotoTestServer, UseMotoServerOptions } from './use-moto-server.js';
