/*
 * The module's config: `catalog.providers.k0rdent`.
 */
export * from './readK0rdentCatalogConfig';
export {
  normalizeOwnerRef,
  type K0rdentOwnershipConfig,
} from '@k0rdent-backstage/plugin-k0rdent-node';
