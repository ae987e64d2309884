/*
 * A set of clusters (a tenant's, those using a template): how many, by
 * status, trouble first, the total and each count a link to the fleet page
 * filtered to them; and the first of them.
 */
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  ClusterPage,
  ClusterStatus,
  ClusterSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { CardTable, type CardTableColumn } from './CardTable';
import { ClusterStatusChip } from './ClusterStatusChip';
import { type FleetQuery, fleetLink } from '../fleet/fleetQuery';

/** Where the fleet page is mounted unless the app says otherwise. */
export const DEFAULT_FLEET_PATH = '/k0rdent';

/** Statuses in the order they are listed: trouble first. */
const STATUS_ORDER: ClusterStatus[] = [
  'Failed',
  'Stale',
  'Provisioning',
  'Deleting',
  'Ready',
];

function statusRank(value: string): number {
  const i = STATUS_ORDER.indexOf(value as ClusterStatus);
  return i < 0 ? STATUS_ORDER.length : i;
}

/** `1 cluster`, `3 clusters` */
export function clusterCount(count: number): string {
  return `${count} ${count === 1 ? 'cluster' : 'clusters'}`;
}

export function ClusterStatusCounts(props: {
  fleetPath: string;
  /** The fleet filters that select the set. */
  filters: FleetQuery['filters'];
  total: number;
  /** The `status` facet of the set. */
  statuses: Array<{ value: string; count: number }>;
}) {
  const { fleetPath, filters, total, statuses } = props;
  const sorted = [...statuses].sort(
    (a, b) => statusRank(a.value) - statusRank(b.value),
  );
  return (
    <>
      <Typography variant="h6" component="p">
        <Link to={fleetLink(fleetPath, filters)}>{clusterCount(total)}</Link>
      </Typography>
      <Table size="small" aria-label="Clusters by status">
        <TableBody>
          {sorted.map(({ value, count }) => (
            <TableRow key={value}>
              <TableCell>
                <ClusterStatusChip status={value as ClusterStatus} />
              </TableCell>
              <TableCell align="right">
                <Link
                  to={fleetLink(fleetPath, { ...filters, status: [value] })}
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

/**
 * A page of a set of clusters: the counts by status, the clusters listed
 * (name and status, then `columns`), and how many of all they are.
 */
export function ClusterSetPage(props: {
  page: ClusterPage;
  fleetPath: string;
  filters: FleetQuery['filters'];
  /** Accessible name of the table. */
  label: string;
  /** What to say when the set is empty. */
  emptyText: string;
  columns: Array<CardTableColumn<ClusterSummary>>;
}) {
  const { page, fleetPath, filters, label, emptyText, columns } = props;
  if (page.totalItems === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <>
      <ClusterStatusCounts
        fleetPath={fleetPath}
        filters={filters}
        total={page.totalItems}
        statuses={page.facets.status ?? []}
      />
      <CardTable<ClusterSummary>
        label={label}
        rows={page.items}
        rowKey={c => c.entityRef}
        emptyText={emptyText}
        columns={[
          {
            title: 'Name',
            render: c => (
              <EntityRefLink entityRef={c.entityRef} title={c.name}>
                {c.name}
              </EntityRefLink>
            ),
          },
          {
            title: 'Status',
            render: c => <ClusterStatusChip status={c.status} />,
          },
          ...columns,
        ]}
      />
      {page.totalItems > page.items.length && (
        <Typography variant="body2" color="textSecondary">
          Showing {page.items.length} of {clusterCount(page.totalItems)}.
        </Typography>
      )}
    </>
  );
}
