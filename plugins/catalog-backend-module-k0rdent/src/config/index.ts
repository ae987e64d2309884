/*
 * The module's config: `catalog.providers.k0rdent`.
 */
export * from './readK0rdentCatalogConfig';
export { normalizeOwnerRef } from './ownerRef';
