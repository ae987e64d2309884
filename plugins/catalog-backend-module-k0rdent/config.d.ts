import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The k0rdent entity provider: puts the fleet of every configured k0rdent
       * management cluster (`k0rdent.managementClusters`) into the catalog.
       */
      k0rdent?: {
        /**
         * Schedule of the full mutation that runs as a safety net besides the
         * watch-driven delta updates. Default: every 30 minutes, 10 minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

        /**
         * What to put into the catalog. Default: all of them. `KofTenant` is one
         * System per KOF tenant; `ManagementCluster` is one Domain per
         * management cluster. Relations only point at kinds listed here.
         */
        kinds?: Array<
          | 'ClusterDeployment'
          | 'ClusterTemplate'
          | 'ServiceTemplate'
          | 'MultiClusterService'
          | 'Credential'
          | 'Region'
          | 'KofTenant'
          | 'ManagementCluster'
        >;

        /**
         * Who owns the entities. The first rule that gives an answer wins:
         * the owner annotation on the object, the tenant's owner, the
         * namespace's owner, the default. Owners are Group or User entity
         * refs; a bare name means a Group in the default namespace.
         */
        ownership: {
          /**
           * Annotation on a k0rdent object that names its owner.
           * Default: `backstage.k0rdent.io/owner`.
           */
          annotation?: string;
          /** Owner of the clusters and the System of each KOF tenant, by tenant id. */
          tenants?: { [tenantId: string]: string };
          /**
           * Owner of the objects in each Kubernetes namespace. The system
           * namespace's owner also owns cluster-scoped objects
           * (MultiClusterServices, Regions) and the management cluster Domain.
           */
          namespaces?: { [namespace: string]: string };
          /** Owner of everything no other rule matches. */
          default: string;
        };

        /**
         * KCM's system namespace, where the original templates and credentials
         * live (AccessManagement copies them into other namespaces).
         * Default: `kcm-system`.
         */
        systemNamespace?: string;

        /** `spec.lifecycle` of the Resource entities. Default: `production`. */
        lifecycle?: string;
      };
    };
  };
}
