export { ClusterStatusChip } from './ClusterStatusChip';
export {
  clusterRefOfEntity,
  isK0rdentClusterEntity,
  k0rdentObjectOfEntity,
} from './clusterRefOfEntity';
export {
  formatAbsolute,
  formatBytes,
  formatCores,
  formatMoney,
  formatRelative,
} from './format';
