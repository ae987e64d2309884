/**
 * A Backstage catalog module that puts the k0rdent fleet into the catalog:
 * clusters, templates, multi-cluster services, credentials, regions and KOF
 * tenants, updated from the management clusters' watches.
 *
 * @packageDocumentation
 */
export { catalogModuleK0rdentEntityProvider as default } from './module';
export {
  K0rdentEntityProvider,
  type K0rdentEntityProviderOptions,
} from './provider';
export * from './config';
export * from './transform';
