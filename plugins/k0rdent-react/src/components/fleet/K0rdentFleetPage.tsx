/*
 * The fleet page: every cluster the user may see, across management
 * clusters, filtered by facets and searched, sorted and paged by the
 * backend. Its whole state is in the URL, and it reads the fleet again
 * every 15 seconds.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type {
  ClusterFacet,
  ClusterSortField,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { k0rdentApiRef } from '../../api';
import { FacetPanel } from './FacetPanel';
import { FleetTable } from './FleetTable';
import {
  fleetSearch,
  isFiltered,
  parseFleetQuery,
  toClusterListQuery,
  type FleetQuery,
} from './fleetQuery';
import { ManagementClustersHealth } from './ManagementClustersHealth';
import { usePolling } from '../common/usePolling';

/**
 * Reads and changes the fleet view in the URL. Each change is a history
 * entry, so that the back button undoes it, except where `replace` says
 * otherwise (typing in the search box).
 */
function useFleetQuery() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const query = useMemo(() => parseFleetQuery(searchParams), [searchParams]);
  const latest = useRef(query);
  latest.current = query;
  const update = useCallback(
    (change: Partial<FleetQuery>, options?: { replace?: boolean }) => {
      const search = fleetSearch({ ...latest.current, ...change });
      navigate({ search }, { replace: options?.replace });
    },
    [navigate],
  );
  return [query, update] as const;
}

/** How often the fleet page reads the fleet again. */
const FLEET_REFRESH_MS = 15_000;

function FleetContent() {
  const api = useApi(k0rdentApiRef);
  const [query, update] = useFleetQuery();
  const filtered = isFiltered(query);

  const listQuery = toClusterListQuery(query);
  const clusters = usePolling(
    () => api.listClusters(listQuery),
    JSON.stringify(listQuery),
    FLEET_REFRESH_MS,
    { keepPreviousValue: true },
  );
  const health = usePolling(
    () => api.listManagementClusters(),
    'management-clusters',
    FLEET_REFRESH_MS,
  );

  const onToggle = (facet: ClusterFacet, value: string, checked: boolean) => {
    const values = (query.filters[facet] ?? []).filter(v => v !== value);
    if (checked) values.push(value);
    const filters = { ...query.filters };
    if (values.length > 0) filters[facet] = values;
    else delete filters[facet];
    update({ filters, page: 0 });
  };
  const onSearch = (q: string) => update({ q, page: 0 }, { replace: true });
  const onClear = () => update({ filters: {}, q: '', page: 0 });
  const onSort = (sort: ClusterSortField, order: 'asc' | 'desc') =>
    update({ sort, order, page: 0 });

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ManagementClustersHealth health={health.value} error={health.error} />
      </Grid>
      <Grid item xs={12} md={3} lg={2}>
        <FacetPanel
          facets={clusters.value?.facets}
          query={query}
          filtered={filtered}
          onToggle={onToggle}
          onSearch={onSearch}
          onClear={onClear}
        />
      </Grid>
      <Grid item xs={12} md={9} lg={10}>
        {clusters.error && (
          <Box mb={2}>
            <ResponseErrorPanel error={clusters.error} />
          </Box>
        )}
        {clusters.value ? (
          <FleetTable
            page={clusters.value}
            query={query}
            loading={clusters.loading && !clusters.current}
            filtered={filtered}
            onSort={onSort}
            onPage={page => update({ page })}
            onPageSize={pageSize => update({ pageSize, page: 0 })}
          />
        ) : (
          !clusters.error && <Progress />
        )}
      </Grid>
    </Grid>
  );
}

/** Props of {@link K0rdentFleetPage}. @public */
export interface K0rdentFleetPageProps {
  /** Defaults to "k0rdent fleet". */
  title?: string;
}

/**
 * The k0rdent fleet page: the health of the management clusters, and every
 * cluster the user may see, with facet filters, search, and server-side
 * sorting and paging. Filters, search, order and page are kept in the URL
 * (for example `?owner=group:default/payments&status=Failed`), so a view can
 * be linked to. Needs a router and the k0rdent API.
 *
 * @public
 */
export function K0rdentFleetPage(props: K0rdentFleetPageProps) {
  return (
    <Page themeId="tool">
      <Header
        title={props.title ?? 'k0rdent fleet'}
        subtitle="The clusters of every management cluster"
      />
      <Content>
        <FleetContent />
      </Content>
    </Page>
  );
}
