export { ClusterStatusChip } from './ClusterStatusChip';
export {
  clusterRefOfEntity,
  isK0rdentClusterEntity,
} from './clusterRefOfEntity';
export {
  formatAbsolute,
  formatBytes,
  formatCores,
  formatMoney,
  formatRelative,
} from './format';
