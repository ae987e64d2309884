/*
 * The k0rdent tab of a cluster's entity page: the live state of its
 * ClusterDeployment (status, conditions, services, upgrades, events) next to
 * its usage and cost from KOF. The cluster reloads every 10 seconds without
 * blanking what is shown; when the management cluster stops answering, the
 * last known state stays with a warning.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Grid from '@material-ui/core/Grid';
import {
  type ClusterDetails,
  k0rdentClusterCostReadPermission,
  stringifyClusterRef,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ClusterRef } from '../../api';
import { clusterRefOfEntity, formatAbsolute, formatRelative } from '../common';
import { ClusterConditionsCard } from './ClusterConditionsCard';
import { ClusterCostCard } from './ClusterCostCard';
import { ClusterEventsCard } from './ClusterEventsCard';
import { ClusterMetricsCard } from './ClusterMetricsCard';
import { ClusterOverviewCard } from './ClusterOverviewCard';
import { ClusterRegionsCard } from './ClusterRegionsCard';
import { ClusterServicesCard } from './ClusterServicesCard';
import {
  ClusterUpgradesCard,
  type UpgradeTemplateOptions,
} from './ClusterUpgradesCard';
import { RefreshFailedNote } from '../common/ProblemNotes';
import { useClusterPolling } from './useClusterPolling';

/** Props of {@link EntityK0rdentClusterContent}. @public */
export interface EntityK0rdentClusterContentProps {
  /** How often the cluster reloads; every 10 s by default. */
  refreshIntervalMs?: number;
  /** How often the metrics reload; every 60 s by default. */
  metricsRefreshIntervalMs?: number;
  /** Path the scaffolder is mounted at, for the upgrade links; `/create` by default. */
  scaffolderPath?: string;
  /** `<namespace>/<name>` of the upgrade template; `default/k0rdent-upgrade-cluster` by default. */
  upgradeTemplate?: string;
}

function StaleWarning(props: { cluster: ClusterDetails }) {
  const { managementCluster, staleSince } = props.cluster;
  const since = staleSince
    ? ` since ${formatRelative(staleSince)} (${formatAbsolute(staleSince)})`
    : '';
  return (
    <WarningPanel
      title="Showing the last known state"
      message={`Management cluster ${managementCluster} has not answered${since}; this is the last known state.`}
    />
  );
}

function ClusterPage(props: {
  entity: Entity;
  cluster: ClusterDetails;
  refreshError?: Error;
  metricsRefreshIntervalMs?: number;
  upgradeOptions: UpgradeTemplateOptions;
}) {
  const { entity, cluster, refreshError, upgradeOptions } = props;
  const ref: ClusterRef = {
    managementCluster: cluster.managementCluster,
    namespace: cluster.namespace,
    name: cluster.name,
  };
  // Asked here as well as in the card, so that a user without it gets no
  // empty grid cell (the permission API answers both from one request).
  const { allowed: costAllowed } = usePermission({
    permission: k0rdentClusterCostReadPermission,
    resourceRef: stringifyClusterRef(ref),
  });
  return (
    <Grid container spacing={3} alignItems="stretch">
      {(refreshError || cluster.stale) && (
        <Grid item xs={12}>
          {refreshError && <RefreshFailedNote error={refreshError} />}
          {cluster.stale && <StaleWarning cluster={cluster} />}
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <ClusterOverviewCard cluster={cluster} entity={entity} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ClusterUpgradesCard cluster={cluster} {...upgradeOptions} />
      </Grid>
      <Grid item xs={12}>
        <ClusterMetricsCard
          cluster={ref}
          refreshIntervalMs={props.metricsRefreshIntervalMs}
        />
      </Grid>
      {costAllowed && (
        <Grid item xs={12} md={cluster.regions.length > 0 ? 6 : 12}>
          <ClusterCostCard cluster={ref} />
        </Grid>
      )}
      {cluster.regions.length > 0 && (
        <Grid item xs={12} md={costAllowed ? 6 : 12}>
          <ClusterRegionsCard
            managementCluster={cluster.managementCluster}
            regions={cluster.regions}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <ClusterConditionsCard conditions={cluster.conditions} />
      </Grid>
      <Grid item xs={12}>
        <ClusterServicesCard cluster={cluster} />
      </Grid>
      <Grid item xs={12}>
        <ClusterEventsCard events={cluster.events} />
      </Grid>
    </Grid>
  );
}

function ClusterContentFor(
  props: EntityK0rdentClusterContentProps & {
    entity: Entity;
    cluster: ClusterRef;
  },
) {
  const { entity, cluster, refreshIntervalMs = 10_000 } = props;
  const { managementCluster, namespace, name } = cluster;
  const { value, error } = useClusterPolling(
    cluster,
    (api, ref) => api.getCluster(ref),
    refreshIntervalMs,
  );
  if (!value) {
    return error ? (
      <ResponseErrorPanel
        error={error}
        title={`Could not load cluster ${namespace}/${name} of management cluster ${managementCluster}`}
      />
    ) : (
      <Progress />
    );
  }
  return (
    <ClusterPage
      entity={entity}
      cluster={value}
      refreshError={error}
      metricsRefreshIntervalMs={props.metricsRefreshIntervalMs}
      upgradeOptions={{
        scaffolderPath: props.scaffolderPath,
        upgradeTemplate: props.upgradeTemplate,
      }}
    />
  );
}

/**
 * The k0rdent tab of a cluster entity: status, conditions, services,
 * upgrades, events, usage and cost of its ClusterDeployment.
 *
 * @public
 */
export function EntityK0rdentClusterContent(
  props: EntityK0rdentClusterContentProps,
) {
  const { entity } = useEntity();
  const cluster = clusterRefOfEntity(entity);
  if (!cluster) {
    return (
      <EmptyState
        missing="info"
        title="Not a k0rdent cluster"
        description="This entity does not stand for a k0rdent ClusterDeployment: it has no k0rdent annotations naming a management cluster, namespace and name."
      />
    );
  }
  return <ClusterContentFor {...props} entity={entity} cluster={cluster} />;
}
