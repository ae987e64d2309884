export {
  EntityK0rdentMultiClusterServiceContent,
  type EntityK0rdentMultiClusterServiceContentProps,
} from './EntityK0rdentMultiClusterServiceContent';
export { isK0rdentMultiClusterServiceEntity } from './multiClusterServiceRefOfEntity';
