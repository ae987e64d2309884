/*
 * The card for Group pages: the team's clusters and their cost.
 */
export {
  EntityK0rdentGroupClustersCard,
  type EntityK0rdentGroupClustersCardProps,
} from './EntityK0rdentGroupClustersCard';
