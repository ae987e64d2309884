/**
 * A simulated k0rdent management cluster: a Kubernetes API server on loopback with
 * simulated KCM, KSM and KOF controllers.
 *
 * @packageDocumentation
 */
export {
  startSimulator,
  type Simulator,
  type SimulatorOptions,
} from './simulator';
export { demoSeed, emptySeed, scaleSeed } from './domain';
export * from './schema';
export * from './server';
export type * from './store/types';
