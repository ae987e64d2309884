export {
  EntityK0rdentClusterContent,
  type EntityK0rdentClusterContentProps,
} from './EntityK0rdentClusterContent';
export {
  ClusterMetricsCard,
  type ClusterMetricsCardProps,
} from './ClusterMetricsCard';
export { ClusterCostCard, type ClusterCostCardProps } from './ClusterCostCard';
