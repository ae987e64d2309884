/** A management cluster: a stable name and exactly one way to connect. */
interface K0rdentManagementClusterConfig {
  /**
   * Stable id of the management cluster: a DNS label (lowercase letters,
   * digits and '-', at most 63 characters). Entity names and annotations are
   * derived from it, so do not rename a cluster the catalog already knows.
   * Required in the single-block and list forms; in the map form the key is the name.
   */
  name?: string;
  /** Human-readable name; defaults to the name. */
  title?: string;

  /** Connect with a kubeconfig file. */
  kubeconfig?: {
    /** Path of the kubeconfig file. */
    path: string;
    /** Context to use instead of the file's current-context. */
    context?: string;
  };

  /** Connect to this API server URL with `token`. */
  url?: string;
  /**
   * Bearer token for `url`, typically a service account token.
   * @visibility secret
   */
  token?: string;
  /** Base64-encoded PEM CA bundle that signed the API server's certificate (with `url`). */
  caData?: string;
  /**
   * Skip TLS verification (with `url`). Also needed for plain http to a host other than loopback.
   * Not for production.
   */
  skipTLSVerify?: boolean;

  /** Use the pod's service account (Backstage runs inside the management cluster). */
  serviceAccount?: boolean;

  /**
   * Run the simulated management cluster inside the backend (development and
   * demos; needs a backend that provides the embedded cluster factory).
   */
  embedded?: {
    /** What the simulator starts with. Default 'demo'. */
    seed?: 'demo' | 'empty';
    /** How many ClusterDeployments the demo seed creates. */
    clusters?: number;
  };
}

export interface Config {
  /** Configuration of the k0rdent plugins. */
  k0rdent?: {
    /**
     * The k0rdent management clusters to read and manage: a single block, a
     * list of blocks, or a map from name to block. Each block sets exactly one
     * of kubeconfig, url (+ token), serviceAccount or embedded.
     */
    managementClusters?:
      | { [name: string]: K0rdentManagementClusterConfig }
      | K0rdentManagementClusterConfig
      | K0rdentManagementClusterConfig[];

    /** The fleet cache: one list+watch per kind per management cluster. */
    fleet?: {
      /**
       * Kinds to list and watch. Defaults to ClusterDeployment,
       * ClusterTemplate, ServiceTemplate, ClusterTemplateChain,
       * ServiceTemplateChain, Credential, MultiClusterService, ServiceSet,
       * Region, Management, Release, AccessManagement, ManagementBackup,
       * StateManagementProvider, ProviderInterface and PromxyServerGroup.
       */
      kinds?: string[];
      /** Retry delays after errors: exponential with jitter. */
      backoff?: {
        /** First delay. Default 500 ms. */
        initialDelay?: string | { [unit: string]: number };
        /** Longest delay. Default 30 s. */
        maxDelay?: string | { [unit: string]: number };
      };
      /** How often a kind the server does not serve (404) is tried again. Default 5 minutes. */
      missingKindRetryInterval?: string | { [unit: string]: number };
      /** Page size of list requests. Default 500. */
      listPageSize?: number;
      /**
       * Longest server-side watch timeout; each watch picks between half of
       * it and all of it. Default 10 minutes.
       */
      watchTimeout?: string | { [unit: string]: number };
    };
  };
}
