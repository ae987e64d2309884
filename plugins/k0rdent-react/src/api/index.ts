export { k0rdentApiRef } from './K0rdentApi';
export type {
  ClusterListQuery,
  ClusterRef,
  CostSummaryQuery,
  CredentialListFilter,
  K0rdentApi,
  MultiClusterServiceRef,
  TemplateListFilter,
  TemplateRef,
} from './K0rdentApi';
export { K0rdentClient } from './K0rdentClient';
