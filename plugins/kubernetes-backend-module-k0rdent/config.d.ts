import { HumanDuration } from '@backstage/types';

export interface Config {
  kubernetes?: {
    /**
     * The k0rdent cluster supplier
     * (`@k0rdent-backstage/plugin-kubernetes-backend-module-k0rdent`): every
     * Ready child cluster of the management clusters under
     * `k0rdent.managementClusters` becomes a Kubernetes cluster. All optional.
     */
    k0rdent?: {
      /**
       * How long a child cluster's credential, read from its kubeconfig Secret,
       * is used before the Secret is read again. Default 60 seconds. While the
       * management cluster does not answer, the last credential stays in use.
       */
      credentialTtl?: HumanDuration | string;
      /**
       * How often the API server URL and CA of a listed cluster are read again
       * from its kubeconfig Secret. Default 10 minutes.
       */
      endpointRefresh?: HumanDuration | string;
      /**
       * Do not ask the child clusters' metrics server for pod usage (for
       * clusters without metrics-server). Default false.
       */
      skipMetricsLookup?: boolean;
    };
  };
}
