/*
 * The k0rdent portal backend: Backstage core plugins plus the k0rdent plugin set.
 */
import { createBackend } from '@backstage/backend-defaults';
import { embeddedSimulatorFactory } from './embeddedSimulator';
import { permissionPolicyModule } from './permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: guest sign-in in development (see app-config.yaml)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// k0rdent: the fleet in the catalog, the fleet API and the reconciler of the
// portal's requests, with the embedded simulated management cluster for
// `embedded:` management clusters (see app-config.yaml)
backend.add(embeddedSimulatorFactory);
backend.add(import('@k0rdent-backstage/plugin-catalog-backend-module-k0rdent'));
backend.add(import('@k0rdent-backstage/plugin-k0rdent-backend'));

// Kubernetes: the core plugin, with the Ready k0rdent child clusters as its
// clusters (see the kubernetes section of app-config.yaml)
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(
  import('@k0rdent-backstage/plugin-kubernetes-backend-module-k0rdent'),
);

// scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// the k0rdent actions: create, upgrade and delete clusters, deploy services
backend.add(
  import('@k0rdent-backstage/plugin-scaffolder-backend-module-k0rdent'),
);

// permissions, with the portal's own policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionPolicyModule);

// search (PostgreSQL engine when the database is PostgreSQL, Lunr otherwise)
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
