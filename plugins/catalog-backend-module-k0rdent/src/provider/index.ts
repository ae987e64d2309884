export {
  K0rdentEntityProvider,
  type K0rdentEntityProviderOptions,
} from './K0rdentEntityProvider';
