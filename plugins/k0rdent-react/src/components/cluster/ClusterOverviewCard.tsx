/*
 * The overview of one cluster: status, where it comes from (template,
 * credential, provider, region), who owns it and its KOF tenancy.
 */
import type { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { ClusterDetails } from '@k0rdent-backstage/plugin-k0rdent-common';
import { Fragment, type ReactNode } from 'react';
import { ClusterStatusChip } from '../common';
import {
  clusterScopedEntityRef,
  managementClusterEntityRef,
  referencedEntityRef,
} from './entityRefs';
import { RelativeTime } from '../common/RelativeTime';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: { color: theme.palette.text.secondary },
  definition: { margin: 0, overflowWrap: 'anywhere' },
}));

export function ClusterOverviewCard(props: {
  cluster: ClusterDetails;
  entity?: Entity;
}) {
  const { cluster, entity } = props;
  const classes = useStyles();
  const { managementCluster, namespace } = cluster;
  const none = (
    <Typography variant="body2" color="textSecondary" component="span">
      —
    </Typography>
  );
  const rows: Array<[string, ReactNode]> = [
    [
      'Status',
      <>
        <ClusterStatusChip status={cluster.status} />
        {cluster.status !== 'Ready' && cluster.message && (
          <Typography variant="body2" color="textSecondary">
            {cluster.message}
          </Typography>
        )}
      </>,
    ],
    [
      'Management cluster',
      <EntityRefLink entityRef={managementClusterEntityRef(managementCluster)}>
        {managementCluster}
      </EntityRefLink>,
    ],
    ['Namespace', namespace],
    [
      'Template',
      <EntityRefLink
        entityRef={referencedEntityRef({
          entity,
          managementCluster,
          namespace,
          kind: 'ClusterTemplate',
          name: cluster.template,
        })}
      >
        {cluster.template}
      </EntityRefLink>,
    ],
    [
      'Credential',
      cluster.credential ? (
        <EntityRefLink
          entityRef={referencedEntityRef({
            entity,
            managementCluster,
            namespace,
            kind: 'Credential',
            name: cluster.credential,
          })}
        >
          {cluster.credential}
        </EntityRefLink>
      ) : (
        none
      ),
    ],
    ['Provider', cluster.provider ?? none],
    [
      'Region',
      cluster.region ? (
        <EntityRefLink
          entityRef={clusterScopedEntityRef(
            managementCluster,
            'Region',
            cluster.region,
          )}
        >
          {cluster.region}
        </EntityRefLink>
      ) : (
        'management cluster'
      ),
    ],
    ['Cloud region', cluster.cloudRegion ?? none],
    ['Kubernetes version', cluster.kubernetesVersion ?? none],
    ['Owner', <EntityRefLink entityRef={cluster.owner} />],
    ['KOF tenant', cluster.tenant],
    ['KOF role', cluster.kofRole ?? none],
    [
      'Services',
      cluster.services
        ? `${cluster.services.ready} of ${cluster.services.total} deployed`
        : none,
    ],
    [
      'Created',
      cluster.createdAt ? <RelativeTime iso={cluster.createdAt} /> : none,
    ],
  ];
  return (
    <InfoCard title="Overview" variant="gridItem">
      <dl className={classes.list}>
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt className={classes.term}>
              <Typography variant="body2" component="span">
                {term}
              </Typography>
            </dt>
            <dd className={classes.definition}>
              <Typography variant="body2" component="div">
                {value}
              </Typography>
            </dd>
          </Fragment>
        ))}
      </dl>
    </InfoCard>
  );
}
