/**
 * A Kubernetes backend module that supplies the Ready child clusters of every
 * k0rdent management cluster to the Backstage Kubernetes plugin, authenticating
 * with the credentials of their kubeconfig Secrets inside the backend.
 *
 * @packageDocumentation
 */
export { kubernetesModuleK0rdent as default } from './module';
export {
  K0RDENT_AUTH_PROVIDER,
  K0rdentClustersSupplier,
  k0rdentKubernetesClusterName,
  type K0rdentClustersSupplierOptions,
} from './supplier/K0rdentClustersSupplier';
export {
  K0rdentAuthStrategy,
  type K0rdentAuthStrategyOptions,
} from './auth/K0rdentAuthStrategy';
export {
  ChildKubeconfigs,
  type ChildClusterLocation,
  type ChildKubeconfigsOptions,
} from './kubeconfig/ChildKubeconfigs';
export {
  readK0rdentKubernetesConfig,
  K0RDENT_KUBERNETES_CONFIG_KEY,
  type K0rdentKubernetesConfig,
} from './config/readK0rdentKubernetesConfig';
