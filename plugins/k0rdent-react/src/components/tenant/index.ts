/*
 * The k0rdent tab of a KOF tenant's entity: its clusters and their cost.
 */
export {
  EntityK0rdentTenantContent,
  type EntityK0rdentTenantContentProps,
} from './EntityK0rdentTenantContent';
export { isK0rdentTenantEntity } from './tenantOfEntity';
