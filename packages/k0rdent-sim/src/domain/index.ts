/*
 * The k0rdent domain of the simulator: the simulated KCM/KSM controllers and admission
 * webhooks, the seeds, and Promxy's query API. The API server wires these in.
 */
export {
  createK0rdentControllers,
  type K0rdentControllerOptions,
} from './controllers';
export { createK0rdentAdmissionHooks } from './webhooks';
export { demoSeed } from './seeds/demoSeed';
export { emptySeed } from './seeds/emptySeed';
export { scaleSeed } from './seeds/scaleSeed';
export {
  simulatorSeed,
  type SimulatorSeedOptions,
} from './seeds/simulatorSeed';
export { DEFAULT_SEED_NOW, type SeedOptions } from './seeds/seedTime';
export {
  handlePromxyRequest,
  MAX_POINTS_PER_SERIES,
  type PrometheusBody,
  type PromxyParams,
  type PromxyRequest,
  type PromxyResponse,
} from './kof/promxyHandler';
export { systemClock, type Clock, type TimerHandle } from './clock';
