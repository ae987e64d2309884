/*
 * One page of the fleet, sorted and paged by the backend: the table only
 * says which page and order it wants. A plain MUI table rather than the
 * core Table, whose paging and sorting work on the rows it holds.
 */
import type { ReactNode } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  ClusterPage,
  ClusterSortField,
  ClusterSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ClusterStatusChip, formatAbsolute, formatRelative } from '../common';
import { FLEET_PAGE_SIZES, type FleetQuery } from './fleetQuery';

const useStyles = makeStyles({
  // Cells stay on one line; a wide table scrolls sideways in its container
  // instead of breaking headers and names into letters.
  table: { '& th, & td': { whiteSpace: 'nowrap' } },
});

interface Column {
  title: string;
  /** The backend's sort field, for columns it sorts by. */
  sort?: ClusterSortField;
  render: (cluster: ClusterSummary) => ReactNode;
}

const COLUMNS: Column[] = [
  {
    title: 'Name',
    sort: 'name',
    render: c => (
      <EntityRefLink entityRef={c.entityRef} title={c.name}>
        {c.name}
      </EntityRefLink>
    ),
  },
  {
    title: 'Status',
    sort: 'status',
    render: c =>
      c.status !== 'Ready' && c.message ? (
        <Tooltip title={c.message}>
          <span>
            <ClusterStatusChip status={c.status} />
          </span>
        </Tooltip>
      ) : (
        <ClusterStatusChip status={c.status} />
      ),
  },
  {
    title: 'Management cluster',
    sort: 'managementCluster',
    render: c => c.managementCluster,
  },
  { title: 'Namespace', sort: 'namespace', render: c => c.namespace },
  { title: 'Provider', sort: 'provider', render: c => c.provider },
  { title: 'Region', render: c => c.cloudRegion },
  {
    title: 'Kubernetes',
    sort: 'kubernetesVersion',
    render: c => c.kubernetesVersion,
  },
  { title: 'Template', sort: 'template', render: c => c.template },
  { title: 'Tenant', sort: 'tenant', render: c => c.tenant },
  {
    title: 'Owner',
    sort: 'owner',
    render: c => <EntityRefLink entityRef={c.owner} defaultKind="group" />,
  },
  {
    title: 'Services',
    render: c => c.services && `${c.services.ready}/${c.services.total}`,
  },
  {
    title: 'Upgrades',
    render: c =>
      c.availableUpgrades.length > 0 ? (
        <Tooltip title={c.availableUpgrades.join(', ')}>
          <span>{c.availableUpgrades.length}</span>
        </Tooltip>
      ) : (
        0
      ),
  },
  {
    title: 'Created',
    sort: 'createdAt',
    render: c =>
      c.createdAt && (
        <Tooltip title={formatAbsolute(c.createdAt)}>
          <span>{formatRelative(c.createdAt)}</span>
        </Tooltip>
      ),
  },
];

/** The fleet table; `page` may answer an older query while `loading`. */
export function FleetTable(props: {
  page?: ClusterPage;
  query: FleetQuery;
  loading: boolean;
  filtered: boolean;
  onSort: (sort: ClusterSortField, order: 'asc' | 'desc') => void;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const { page, query, loading, filtered, onSort, onPage, onPageSize } = props;
  const classes = useStyles();
  const total = page?.totalItems ?? 0;
  const lastPage = Math.max(0, Math.ceil(total / query.pageSize) - 1);
  return (
    <Paper>
      <Box px={2} pt={2} pb={1}>
        <Typography variant="h6" component="h2">
          {page
            ? `${total} ${total === 1 ? 'cluster' : 'clusters'}`
            : 'Clusters'}
        </Typography>
      </Box>
      <Box height={4}>{loading && <LinearProgress />}</Box>
      <TableContainer>
        <Table
          size="small"
          aria-label="Clusters"
          aria-busy={loading}
          className={classes.table}
        >
          <TableHead>
            <TableRow>
              {COLUMNS.map(({ title, sort }) => {
                const active = sort === query.sort;
                return (
                  <TableCell
                    key={title}
                    sortDirection={active ? query.order : false}
                  >
                    {sort ? (
                      <TableSortLabel
                        active={active}
                        direction={active ? query.order : 'asc'}
                        onClick={() =>
                          onSort(
                            sort,
                            active && query.order === 'asc' ? 'desc' : 'asc',
                          )
                        }
                      >
                        {title}
                      </TableSortLabel>
                    ) : (
                      title
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          </TableHead>
          <TableBody>
            {page?.items.map(cluster => (
              <TableRow key={cluster.entityRef} hover>
                {COLUMNS.map(column => (
                  <TableCell key={column.title}>
                    {column.render(cluster)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {page && page.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  {total > 0 ? (
                    <Typography variant="body2" color="textSecondary">
                      This page is past the last one.{' '}
                      <Button size="small" onClick={() => onPage(0)}>
                        First page
                      </Button>
                    </Typography>
                  ) : (
                    <Typography variant="body2" color="textSecondary">
                      {filtered
                        ? 'No cluster matches these filters.'
                        : 'There is no cluster you may see.'}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={total}
        page={Math.min(query.page, lastPage)}
        rowsPerPage={query.pageSize}
        rowsPerPageOptions={[...FLEET_PAGE_SIZES]}
        onPageChange={(_, next) => onPage(next)}
        onRowsPerPageChange={event => onPageSize(Number(event.target.value))}
      />
    </Paper>
  );
}
