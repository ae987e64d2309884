/*
 * The card on a Group's page: how many k0rdent clusters the group owns, by
 * status, each count a link to the fleet page filtered to them; and what they
 * cost per month, with the most expensive ones.
 *
 * The cost comes from a separate request, so that a slow or failing KOF only
 * touches the cost part. The backend counts only clusters whose cost the user
 * may read and cannot tell "no permission" from "no KOF data"; the card then
 * says "No cost data" rather than hiding the part, so that an absent cost is
 * not mistaken for a card still loading.
 */
import {
  InfoCard,
  Link,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import type {
  ClusterStatus,
  CostSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { k0rdentApiRef } from '../../api';
import {
  ClusterStatusChip,
  formatAbsolute,
  formatMoney,
  formatRelative,
} from '../common';
import { fleetLink } from '../fleet/fleetQuery';

/** Statuses in the order the card lists them: trouble first. */
const STATUS_ORDER: ClusterStatus[] = [
  'Failed',
  'Stale',
  'Provisioning',
  'Deleting',
  'Ready',
];

/** Clusters listed with their cost. */
const TOP_CLUSTERS = 5;

const DEFAULT_FLEET_PATH = '/k0rdent';
const DEFAULT_CREATE_CLUSTER_PATH =
  '/create/templates/default/k0rdent-create-cluster';

function byStatusOrder(a: { value: string }, b: { value: string }): number {
  const rank = (value: string) => {
    const i = STATUS_ORDER.indexOf(value as ClusterStatus);
    return i < 0 ? STATUS_ORDER.length : i;
  };
  return rank(a.value) - rank(b.value);
}

function StatusCounts(props: {
  owner: string;
  fleetPath: string;
  total: number;
  statuses: Array<{ value: string; count: number }>;
}) {
  const { owner, fleetPath, total, statuses } = props;
  return (
    <>
      <Typography variant="h6" component="p">
        <Link to={fleetLink(fleetPath, { owner: [owner] })}>
          {total} {total === 1 ? 'cluster' : 'clusters'}
        </Link>
      </Typography>
      <Table size="small" aria-label="Clusters by status">
        <TableBody>
          {[...statuses].sort(byStatusOrder).map(({ value, count }) => (
            <TableRow key={value}>
              <TableCell>
                <ClusterStatusChip status={value as ClusterStatus} />
              </TableCell>
              <TableCell align="right">
                <Link
                  to={fleetLink(fleetPath, { owner: [owner], status: [value] })}
                  aria-label={`${count} ${value} ${
                    count === 1 ? 'cluster' : 'clusters'
                  }`}
                >
                  {count}
                </Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** Which clusters the cost leaves out, and why. */
function CostNotes(props: { cost: CostSummary }) {
  const { unavailable, ambiguous } = props.cost;
  return (
    <>
      {unavailable.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Incomplete: KOF did not answer on{' '}
          {unavailable.map((u, i) => (
            <span key={u.managementCluster}>
              {i > 0 && ', '}
              <Tooltip title={u.message}>
                <span>{u.managementCluster}</span>
              </Tooltip>
            </span>
          ))}
          ; the clusters there are not counted.
        </Typography>
      )}
      {ambiguous.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          {ambiguous.length === 1
            ? '1 cluster is left out: '
            : `${ambiguous.length} clusters are left out: `}
          KOF's data cannot tell it from another of the same name.
        </Typography>
      )}
    </>
  );
}

function Cost(props: { owner: string }) {
  const { owner } = props;
  const api = useApi(k0rdentApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCostSummary({ owner, limit: TOP_CLUSTERS }),
    [api, owner],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary">
        The cost could not be read: {error.message}
      </Typography>
    );
  }
  if (!value) return null;
  if (value.totalItems === 0) {
    return (
      <>
        <Typography variant="body2" color="textSecondary">
          No cost data.
        </Typography>
        <CostNotes cost={value} />
      </>
    );
  }
  const more = value.totalItems - value.items.length;
  return (
    <>
      <Typography variant="h6" component="p">
        {formatMoney(value.totalMonthly, value.currency)} per month
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {value.totalItems === 1
          ? '1 cluster with cost data'
          : `${value.totalItems} clusters with cost data`}
        , prices of{' '}
        <Tooltip title={formatAbsolute(value.at)}>
          <span>{formatRelative(value.at)}</span>
        </Tooltip>
      </Typography>
      <Table size="small" aria-label="Most expensive clusters">
        <TableBody>
          {value.items.map(item => (
            <TableRow key={item.entityRef}>
              <TableCell>
                <EntityRefLink entityRef={item.entityRef} title={item.name}>
                  {item.name}
                </EntityRefLink>
              </TableCell>
              <TableCell align="right">
                {formatMoney(item.monthly, value.currency)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {more > 0 && (
        <Typography variant="body2" color="textSecondary">
          and {more} more
        </Typography>
      )}
      <CostNotes cost={value} />
    </>
  );
}

/** Props of {@link EntityK0rdentGroupClustersCard}. @public */
export interface EntityK0rdentGroupClustersCardProps {
  /** Where the fleet page is mounted; default `/k0rdent`. */
  fleetPath?: string;
  /** The template that creates a cluster, offered when the group has none. */
  createClusterPath?: string;
}

/**
 * A card for Group (or User) entity pages: the k0rdent clusters the entity
 * owns, counted by status with links to the fleet page filtered to them, and
 * their monthly cost with the most expensive clusters.
 *
 * @public
 */
export function EntityK0rdentGroupClustersCard(
  props: EntityK0rdentGroupClustersCardProps,
) {
  const fleetPath = props.fleetPath ?? DEFAULT_FLEET_PATH;
  const createClusterPath =
    props.createClusterPath ?? DEFAULT_CREATE_CLUSTER_PATH;
  const { entity } = useEntity();
  // Owner refs are compared in lower case, as the catalog compares them.
  const owner = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(k0rdentApiRef);
  const { value, loading, error } = useAsync(
    () => api.listClusters({ owner, limit: 0 }),
    [api, owner],
  );

  const title = 'Kubernetes clusters';
  if (loading) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={title}>
        {error && <ResponseErrorPanel error={error} />}
      </InfoCard>
    );
  }
  if (value.totalItems === 0) {
    return (
      <InfoCard title={title}>
        <Typography variant="body1" paragraph>
          This {entity.kind.toLocaleLowerCase('en-US')} owns no k0rdent cluster
          that you may see.
        </Typography>
        <LinkButton to={createClusterPath} variant="outlined" color="primary">
          Create a cluster
        </LinkButton>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={title}
      deepLink={{
        title: 'View in the fleet',
        link: fleetLink(fleetPath, { owner: [owner] }),
      }}
    >
      <StatusCounts
        owner={owner}
        fleetPath={fleetPath}
        total={value.totalItems}
        statuses={value.facets.status ?? []}
      />
      <Box my={2}>
        <Divider />
      </Box>
      <Typography variant="subtitle2" component="h3">
        Cost
      </Typography>
      <Cost owner={owner} />
    </InfoCard>
  );
}
