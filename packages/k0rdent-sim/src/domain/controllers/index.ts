/*
 * The simulated KCM/KSM controllers, in the order they are started.
 */
import type { SimController } from '../../store/types';
import { systemClock, type Clock } from '../clock';
import { ChainController } from './chains/chainController';
import { ClusterDeploymentController } from './clusterDeployment/clusterDeploymentController';
import { CredentialController } from './credentials/credentialController';
import { MultiClusterServiceController } from './multiClusterService/multiClusterServiceController';
import { RegionController } from './regions/regionController';
import { TemplateController } from './templates/templateController';

export interface K0rdentControllerOptions {
  /** Time source; tests pass a FakeClock. */
  clock?: Clock;
}

export function createK0rdentControllers(
  options: K0rdentControllerOptions = {},
): SimController[] {
  const clock = options.clock ?? systemClock;
  return [
    new TemplateController(clock),
    new ChainController(clock),
    new CredentialController(clock),
    new RegionController(clock),
    new ClusterDeploymentController(clock),
    new MultiClusterServiceController(clock),
  ];
}
