export interface Config {
  k0rdent?: {
    /**
     * The reconciler that applies desired-state requests to the management
     * clusters.
     */
    reconciler?: {
      /** How often the scheduled run looks for work, in seconds (default 10). New requests start a run at once. */
      intervalSeconds?: number;
      /** How long a worker holds a request before another replica may take it over, in seconds (default 60, at least 5). */
      leaseSeconds?: number;
      /** First delay after a transient error, in seconds (default 1); doubles per attempt, with jitter. */
      backoffInitialSeconds?: number;
      /** Longest delay between attempts, in seconds (default 300). */
      backoffMaxSeconds?: number;
      /** Requests one worker applies at once (default 4). */
      concurrency?: number;
    };
    /**
     * KOF (observability and FinOps): where its Promxy answers on every
     * management cluster. The backend reaches it through the API server's
     * service proxy with its own credentials (which need `get` on
     * `services/proxy` in that namespace).
     */
    kof?: {
      promxy?: {
        /** Default `kof`. */
        namespace?: string;
        /** Default `kof-mothership-promxy`. */
        service?: string;
        /** Port name or number; default 8082. */
        port?: string | number;
        /** Default `http`. */
        scheme?: 'http' | 'https';
      };
      /** How long a Promxy answer is reused, in seconds (default 30). */
      cacheSeconds?: number;
      /** How long a Promxy query may take, in seconds (default 15). */
      timeoutSeconds?: number;
      /** Currency of the OpenCost price list (default USD). */
      currency?: string;
    };
  };
}
