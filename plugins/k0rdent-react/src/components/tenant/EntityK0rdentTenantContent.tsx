/*
 * The k0rdent tab of a KOF tenant's System entity: the tenant's clusters on
 * its management cluster, counted by status with links to the fleet page,
 * and what they cost. Clusters and cost come from separate requests, so that
 * a slow or failing KOF only touches the cost; both reload every 30 seconds
 * and keep what they show when a reload fails.
 */
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { k0rdentApiRef } from '../../api';
import { usePolling } from '../common/usePolling';
import { fleetLink } from '../fleet/fleetQuery';
import {
  ClusterSetPage,
  DEFAULT_FLEET_PATH,
} from '../common/ClusterStatusCounts';
import { CostSummaryView } from '../common/CostSummaryView';
import { PolledBody } from '../common/PolledBody';
import { type TenantRef, tenantOfEntity } from './tenantOfEntity';

/** Clusters listed on the tab; the counts cover all of them. */
const LISTED_CLUSTERS = 50;
/** Clusters listed with their cost. */
const TOP_COST_CLUSTERS = 10;

/** Props of {@link EntityK0rdentTenantContent}. @public */
export interface EntityK0rdentTenantContentProps {
  /** How often clusters and cost reload; every 30 s by default. */
  refreshIntervalMs?: number;
  /** Where the fleet page is mounted; `/k0rdent` by default. */
  fleetPath?: string;
}

function TenantClustersCard(props: {
  tenant: TenantRef;
  fleetPath: string;
  refreshIntervalMs: number;
}) {
  const { fleetPath, refreshIntervalMs } = props;
  const { managementCluster, tenant } = props.tenant;
  const api = useApi(k0rdentApiRef);
  const polled = usePolling(
    () =>
      api.listClusters({ tenant, managementCluster, limit: LISTED_CLUSTERS }),
    `${managementCluster}/${tenant}#clusters`,
    refreshIntervalMs,
  );
  const filters = { managementCluster: [managementCluster], tenant: [tenant] };
  return (
    <InfoCard
      title="Clusters"
      subheader={`Of KOF tenant ${tenant} on management cluster ${managementCluster}`}
      variant="gridItem"
      deepLink={{
        title: 'View in the fleet',
        link: fleetLink(fleetPath, filters),
      }}
    >
      <PolledBody
        polled={polled}
        errorTitle={`Could not load the clusters of tenant ${tenant}`}
      >
        {page => (
          <ClusterSetPage
            page={page}
            fleetPath={fleetPath}
            filters={filters}
            label="Clusters of the tenant"
            emptyText="The tenant has no cluster that you may see."
            columns={[
              { title: 'Namespace', render: c => c.namespace },
              { title: 'Template', render: c => c.template },
              {
                title: 'Kubernetes',
                render: c => c.kubernetesVersion ?? '',
              },
            ]}
          />
        )}
      </PolledBody>
    </InfoCard>
  );
}

function TenantCostCard(props: {
  tenant: TenantRef;
  refreshIntervalMs: number;
}) {
  const { refreshIntervalMs } = props;
  const { managementCluster, tenant } = props.tenant;
  const api = useApi(k0rdentApiRef);
  const polled = usePolling(
    () =>
      api.getCostSummary({
        tenant,
        managementCluster,
        limit: TOP_COST_CLUSTERS,
      }),
    `${managementCluster}/${tenant}#cost`,
    refreshIntervalMs,
  );
  return (
    <InfoCard title="Cost" variant="gridItem">
      <PolledBody
        polled={polled}
        errorTitle={`Could not load the cost of tenant ${tenant}`}
      >
        {cost => <CostSummaryView cost={cost} />}
      </PolledBody>
    </InfoCard>
  );
}

/**
 * The k0rdent tab of a KOF tenant entity (a System): the tenant's clusters
 * with their status, template and Kubernetes version, counted by status with
 * links to the fleet page, and their monthly cost with the most expensive
 * clusters.
 *
 * @public
 */
export function EntityK0rdentTenantContent(
  props: EntityK0rdentTenantContentProps,
) {
  const { refreshIntervalMs = 30_000, fleetPath = DEFAULT_FLEET_PATH } = props;
  const { entity } = useEntity();
  const tenant = tenantOfEntity(entity);
  if (!tenant) {
    return (
      <EmptyState
        missing="info"
        title="Not a KOF tenant"
        description="This entity does not stand for a KOF tenant: it has no k0rdent annotations naming a tenant and its management cluster."
      />
    );
  }
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={8}>
        <TenantClustersCard
          tenant={tenant}
          fleetPath={fleetPath}
          refreshIntervalMs={refreshIntervalMs}
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <TenantCostCard tenant={tenant} refreshIntervalMs={refreshIntervalMs} />
      </Grid>
    </Grid>
  );
}
