/**
 * Scaffolder actions for k0rdent: create, upgrade and delete clusters and
 * deploy services, through the k0rdent backend as the user who runs the template.
 *
 * @packageDocumentation
 */
export { scaffolderModuleK0rdent as default } from './module';
export * from './actions';
export {
  K0rdentApiClient,
  type K0rdentApi,
  type K0rdentApiClientOptions,
  type K0rdentCallOptions,
  type K0rdentClusterRef,
} from './K0rdentApiClient';
