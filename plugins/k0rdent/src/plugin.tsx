/*
 * The k0rdent frontend plugin for the new frontend system: the k0rdent API,
 * the fleet page, the k0rdent tabs of cluster, template, tenant and
 * multi-cluster service entities,
 * and the clusters card of group pages. The scaffolder form fields are a scaffolder module (./alpha).
 */
import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  isK0rdentClusterEntity,
  isK0rdentMultiClusterServiceEntity,
  isK0rdentTemplateEntity,
  isK0rdentTenantEntity,
  K0rdentClient,
  k0rdentApiRef,
} from '@k0rdent-backstage/plugin-k0rdent-react';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';

/** The fleet page's route. @public */
export const k0rdentFleetRouteRef = createRouteRef();

/** `api:k0rdent`: the k0rdent API over HTTP. */
const k0rdentApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: k0rdentApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new K0rdentClient(deps),
    }),
});

/** `page:k0rdent`: the fleet with its facets, at `/k0rdent`, in the sidebar. */
const fleetPage = PageBlueprint.make({
  params: {
    path: '/k0rdent',
    routeRef: k0rdentFleetRouteRef,
    title: 'k0rdent fleet',
    icon: <CloudQueueIcon />,
    noHeader: true,
    loader: () =>
      import('@k0rdent-backstage/plugin-k0rdent-react').then(m => (
        <m.K0rdentFleetPage />
      )),
  },
});

/** `entity-content:k0rdent/cluster`: the k0rdent tab of cluster entities. */
const clusterContent = EntityContentBlueprint.make({
  name: 'cluster',
  params: {
    path: '/k0rdent',
    title: 'k0rdent',
    filter: isK0rdentClusterEntity,
    loader: () =>
      import('@k0rdent-backstage/plugin-k0rdent-react').then(m => (
        <m.EntityK0rdentClusterContent />
      )),
  },
});

/** `entity-content:k0rdent/template`: versions, chain and users of a template. */
const templateContent = EntityContentBlueprint.make({
  name: 'template',
  params: {
    path: '/k0rdent',
    title: 'k0rdent',
    filter: isK0rdentTemplateEntity,
    loader: () =>
      import('@k0rdent-backstage/plugin-k0rdent-react').then(m => (
        <m.EntityK0rdentTemplateContent />
      )),
  },
});

/** `entity-content:k0rdent/tenant`: a KOF tenant's clusters and cost. */
const tenantContent = EntityContentBlueprint.make({
  name: 'tenant',
  params: {
    path: '/k0rdent',
    title: 'k0rdent',
    filter: isK0rdentTenantEntity,
    loader: () =>
      import('@k0rdent-backstage/plugin-k0rdent-react').then(m => (
        <m.EntityK0rdentTenantContent />
      )),
  },
});

/** `entity-content:k0rdent/multi-cluster-service`: where an MCS deploys, and its rollout. */
const multiClusterServiceContent = EntityContentBlueprint.make({
  name: 'multi-cluster-service',
  params: {
    path: '/k0rdent',
    title: 'k0rdent',
    filter: isK0rdentMultiClusterServiceEntity,
    loader: () =>
      import('@k0rdent-backstage/plugin-k0rdent-react').then(m => (
        <m.EntityK0rdentMultiClusterServiceContent />
      )),
  },
});

/** `entity-card:k0rdent/group-clusters`: a team's clusters and their cost. */
const groupClustersCard = EntityCardBlueprint.make({
  name: 'group-clusters',
  params: {
    filter: 'kind:group',
    loader: () =>
      import('@k0rdent-backstage/plugin-k0rdent-react').then(m => (
        <m.EntityK0rdentGroupClustersCard />
      )),
  },
});

/**
 * The k0rdent plugin: provides `k0rdentApiRef`, the fleet page, the k0rdent
 * tabs of clusters, templates and tenants, and the group card.
 *
 * @public
 */
export const k0rdentPlugin = createFrontendPlugin({
  pluginId: 'k0rdent',
  info: { packageJson: () => import('../package.json') },
  routes: { fleet: k0rdentFleetRouteRef },
  extensions: [
    k0rdentApi,
    fleetPage,
    clusterContent,
    templateContent,
    tenantContent,
    multiClusterServiceContent,
    groupClustersCard,
  ],
});
