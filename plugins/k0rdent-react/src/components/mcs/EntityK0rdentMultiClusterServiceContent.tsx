/*
 * The k0rdent tab of a MultiClusterService's entity page: what it deploys
 * where (selector, dependencies, services), its conditions, and its rollout
 * over the matching clusters the user may read, with the state of each
 * service on each cluster. Matching clusters the user may not read are only
 * counted. Reloads every 15 seconds without blanking what is shown.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  StatusOK,
  StatusPending,
  StatusWarning,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  MultiClusterServiceCluster,
  MultiClusterServiceDetails,
  ServiceSpecSummary,
  ServiceState,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { k0rdentApiRef, type MultiClusterServiceRef } from '../../api';
import { ClusterConditionsCard } from '../cluster/ClusterConditionsCard';
import {
  clusterScopedEntityRef,
  managementClusterEntityRef,
  referencedEntityRef,
} from '../cluster/entityRefs';
import { ClusterStatusChip, formatRelative } from '../common';
import { CardTable } from '../common/CardTable';
import { PolledBody } from '../common/PolledBody';
import { RelativeTime } from '../common/RelativeTime';
import { ServiceStateChip } from '../common/ServiceStateChip';
import { usePolling } from '../common/usePolling';
import { multiClusterServiceRefOfEntity } from './multiClusterServiceRefOfEntity';

/** Props of {@link EntityK0rdentMultiClusterServiceContent}. @public */
export interface EntityK0rdentMultiClusterServiceContentProps {
  /** How often the MultiClusterService reloads; every 15 s by default. */
  refreshIntervalMs?: number;
}

/** Where a MultiClusterService's ServiceTemplates live (k0rdent's default system namespace). */
const SYSTEM_NAMESPACE = 'kcm-system';

const NONE = (
  <Typography variant="body2" color="textSecondary" component="span">
    —
  </Typography>
);

/** `1 cluster`, `3 clusters` */
function clusters(count: number): string {
  return `${count} ${count === 1 ? 'cluster' : 'clusters'}`;
}

/** `namespace/name` of a release; KSM's namespace defaults to `default`. */
function releaseKey(service: { name: string; namespace?: string }): string {
  return `${service.namespace || 'default'}/${service.name}`;
}

/** Each service of the MultiClusterService with its state on one target. */
function ServiceStates(props: {
  services: ServiceSpecSummary[];
  states: ServiceState[];
}) {
  const byKey = new Map(props.states.map(s => [releaseKey(s), s]));
  return (
    <>
      {props.services.map(service => {
        const state = byKey.get(releaseKey(service));
        return (
          <div key={releaseKey(service)}>
            <Typography variant="body2" component="span">
              {service.name}:{' '}
            </Typography>
            <ServiceStateChip state={state?.state} />
            {state?.failureMessage && (
              <Typography variant="body2" color="error">
                {state.failureMessage}
              </Typography>
            )}
          </div>
        );
      })}
    </>
  );
}

function OverviewCard(props: {
  mcs: MultiClusterServiceDetails;
  entity: Entity;
}) {
  const { mcs } = props;
  const ready = mcs.conditions.find(c => c.type === 'Ready');
  const trueCount = mcs.conditions.filter(c => c.status === 'True').length;
  const metadata = {
    'Cluster selector': mcs.selector ? (
      <code>{mcs.selector}</code>
    ) : (
      'empty: matches no cluster'
    ),
    'Depends on':
      mcs.dependsOn.length > 0 ? (
        <>
          {mcs.dependsOn.map((name, i) => (
            <span key={name}>
              {i > 0 && ', '}
              <EntityRefLink
                entityRef={clusterScopedEntityRef(
                  mcs.managementCluster,
                  'MultiClusterService',
                  name,
                )}
              >
                {name}
              </EntityRefLink>
            </span>
          ))}
        </>
      ) : (
        NONE
      ),
    'Management cluster': (
      <EntityRefLink
        entityRef={managementClusterEntityRef(mcs.managementCluster)}
      >
        {mcs.managementCluster}
      </EntityRefLink>
    ),
    'Also deployed on the management cluster': mcs.selfManagement
      ? 'yes'
      : 'no',
    Ready: ready ? (
      <>
        {ready.status === 'True' ? (
          <StatusOK>Ready</StatusOK>
        ) : (
          <StatusWarning>Not ready</StatusWarning>
        )}
        {ready.status !== 'True' && ready.message && (
          <Typography variant="body2" color="textSecondary">
            {ready.message}
          </Typography>
        )}
      </>
    ) : (
      <StatusPending>Not reported yet</StatusPending>
    ),
    Conditions: `${trueCount} of ${mcs.conditions.length} True`,
    Created: mcs.createdAt ? <RelativeTime iso={mcs.createdAt} /> : NONE,
  };
  return (
    <InfoCard title="Overview" variant="gridItem">
      <StructuredMetadataTable
        metadata={metadata}
        options={{ titleFormat: title => title }}
      />
    </InfoCard>
  );
}

function ServicesCard(props: {
  mcs: MultiClusterServiceDetails;
  entity: Entity;
}) {
  const { mcs, entity } = props;
  return (
    <InfoCard title="Services" variant="gridItem">
      <CardTable
        label="Services"
        rows={mcs.services}
        rowKey={releaseKey}
        emptyText="This MultiClusterService deploys no services."
        columns={[
          { title: 'Name', render: s => s.name },
          { title: 'Namespace', render: s => s.namespace || 'default' },
          {
            title: 'Template',
            render: s => (
              <EntityRefLink
                entityRef={referencedEntityRef({
                  entity,
                  managementCluster: mcs.managementCluster,
                  namespace: SYSTEM_NAMESPACE,
                  kind: 'ServiceTemplate',
                  name: s.template,
                })}
              >
                {s.template}
              </EntityRefLink>
            ),
          },
          {
            title: 'Depends on',
            render: s =>
              (s.dependsOn ?? [])
                .map(d => (d.namespace ? `${d.namespace}/${d.name}` : d.name))
                .join(', '),
            wrap: true,
          },
        ]}
      />
    </InfoCard>
  );
}

function DeployedCell(props: { cluster: MultiClusterServiceCluster }) {
  const { cluster } = props;
  return (
    <>
      {cluster.deployed ? (
        <StatusOK>Yes</StatusOK>
      ) : (
        <StatusPending>No</StatusPending>
      )}
      {(cluster.reason || cluster.message) && (
        <Typography variant="body2" color="textSecondary">
          {[cluster.reason, cluster.message].filter(Boolean).join(': ')}
        </Typography>
      )}
    </>
  );
}

function RolloutCard(props: { mcs: MultiClusterServiceDetails }) {
  const { mcs } = props;
  const { matching, deployed, failed, hidden } = mcs.counts;
  let emptyText = 'No cluster matches the selector.';
  if (!mcs.selector)
    emptyText = 'The selector is empty: it matches no cluster.';
  else if (hidden > 0) emptyText = 'No matching cluster you may see.';
  return (
    <InfoCard title="Rollout">
      <Typography variant="h6" component="p">
        {`Deployed on ${deployed} of ${clusters(matching)}`}
        {failed > 0 && `, failed on ${failed}`}
      </Typography>
      {hidden > 0 && (
        <Typography variant="body2" color="textSecondary" component="p">
          {`${clusters(hidden)} you may not see ${
            hidden === 1 ? 'matches' : 'match'
          } too; ${hidden === 1 ? 'it is' : 'they are'} not listed.`}
        </Typography>
      )}
      <CardTable
        label="Matching clusters"
        rows={mcs.clusters}
        rowKey={c => `${c.namespace}/${c.name}`}
        emptyText={emptyText}
        columns={[
          {
            title: 'Cluster',
            render: c => (
              <EntityRefLink entityRef={c.entityRef}>
                {`${c.namespace}/${c.name}`}
              </EntityRefLink>
            ),
          },
          {
            title: 'Status',
            render: c => <ClusterStatusChip status={c.status} />,
          },
          {
            title: 'Deployed',
            render: c => <DeployedCell cluster={c} />,
            wrap: true,
          },
          {
            title: 'Services',
            render: c => (
              <ServiceStates services={mcs.services} states={c.services} />
            ),
            wrap: true,
          },
          {
            title: 'Since',
            render: c => <RelativeTime iso={c.lastTransitionTime} />,
          },
        ]}
      />
      {mcs.selfManagement && (
        <>
          <Typography variant="subtitle2" component="p">
            On the management cluster
          </Typography>
          <ServiceStates
            services={mcs.services}
            states={mcs.managementClusterServices}
          />
        </>
      )}
    </InfoCard>
  );
}

function MultiClusterServicePage(props: {
  entity: Entity;
  mcs: MultiClusterServiceDetails;
}) {
  const { entity, mcs } = props;
  return (
    <Grid container spacing={3} alignItems="stretch">
      {mcs.stale && (
        <Grid item xs={12}>
          <WarningPanel
            title="Showing the last known state"
            message={`Management cluster ${
              mcs.managementCluster
            } has not answered${
              mcs.staleSince ? ` since ${formatRelative(mcs.staleSince)}` : ''
            }.`}
          />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <OverviewCard mcs={mcs} entity={entity} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ServicesCard mcs={mcs} entity={entity} />
      </Grid>
      <Grid item xs={12}>
        <RolloutCard mcs={mcs} />
      </Grid>
      <Grid item xs={12}>
        <ClusterConditionsCard conditions={mcs.conditions} />
      </Grid>
    </Grid>
  );
}

function ContentFor(props: {
  entity: Entity;
  mcs: MultiClusterServiceRef;
  refreshIntervalMs: number;
}) {
  const { entity, refreshIntervalMs } = props;
  const { managementCluster, name } = props.mcs;
  const api = useApi(k0rdentApiRef);
  const polled = usePolling(
    () => api.getMultiClusterService({ managementCluster, name }),
    `${managementCluster}/${name}`,
    refreshIntervalMs,
  );
  return (
    <PolledBody
      polled={polled}
      errorTitle={`Could not load MultiClusterService ${name} of management cluster ${managementCluster}`}
    >
      {value => <MultiClusterServicePage entity={entity} mcs={value} />}
    </PolledBody>
  );
}

/**
 * The k0rdent tab of a MultiClusterService entity: its selector, dependencies,
 * services and conditions, and its rollout over the matching clusters the
 * user may read (the others only counted).
 *
 * @public
 */
export function EntityK0rdentMultiClusterServiceContent(
  props: EntityK0rdentMultiClusterServiceContentProps,
) {
  const { entity } = useEntity();
  const mcs = multiClusterServiceRefOfEntity(entity);
  if (!mcs) {
    return (
      <EmptyState
        missing="info"
        title="Not a k0rdent MultiClusterService"
        description="This entity does not stand for a k0rdent MultiClusterService: it has no k0rdent annotations naming a management cluster and a MultiClusterService."
      />
    );
  }
  return (
    <ContentFor
      entity={entity}
      mcs={mcs}
      refreshIntervalMs={props.refreshIntervalMs ?? 15_000}
    />
  );
}
