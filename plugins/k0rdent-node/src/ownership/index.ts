/*
 * Ownership of k0rdent objects: one set of rules for entities and permissions.
 */
export { normalizeOwnerRef } from './ownerRef';
export { resolveOwner } from './resolveOwner';
export type { OwnerInput } from './resolveOwner';
export {
  K0RDENT_OWNERSHIP_CONFIG_KEY,
  readK0rdentOwnership,
  readOwnershipConfig,
} from './readOwnershipConfig';
export type { K0rdentOwnershipConfig } from './readOwnershipConfig';
