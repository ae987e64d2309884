/*
 * What a cluster costs now, from KOF's OpenCost data: per hour, day and
 * month, and how it splits over namespaces. Only for users who may read the
 * cluster's cost; for anyone else the card renders nothing at all.
 */
import { InfoCard } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import {
  type ClusterCost,
  HOURS_PER_MONTH,
  k0rdentClusterCostReadPermission,
  stringifyClusterRef,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { ClusterRef } from '../../api';
import { formatMoney } from '../common';
import { CardTable } from '../common/CardTable';
import { ForCluster } from './ForCluster';
import { KofCardBody } from '../common/ProblemNotes';
import { RelativeTime } from '../common/RelativeTime';
import { useClusterPolling } from './useClusterPolling';

/** Props of {@link ClusterCostCard}. @public */
export interface ClusterCostCardProps {
  /** The cluster; the entity page's cluster when absent. */
  cluster?: ClusterRef;
  /** How often the cost reloads; every 5 minutes by default. */
  refreshIntervalMs?: number;
  /** Namespaces listed, most expensive first; 10 by default. */
  maxNamespaces?: number;
}

const NO_DATA =
  'No cost data: KOF has no OpenCost data for this cluster (not a KOF cluster, or not reporting yet).';

function Amount(props: { label: string; amount: number; currency: string }) {
  return (
    <Grid item xs={4}>
      <Typography variant="overline" component="p" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="h5" component="p">
        {formatMoney(props.amount, props.currency)}
      </Typography>
    </Grid>
  );
}

function CostBody(props: { cost: ClusterCost; maxNamespaces: number }) {
  const { cost, maxNamespaces } = props;
  const { currency, hourly } = cost;
  if (hourly === undefined) {
    return (
      <Typography variant="body2" color="textSecondary">
        {NO_DATA}
      </Typography>
    );
  }
  const namespaceTotal = cost.byNamespace.reduce((s, n) => s + n.hourly, 0);
  const shown = cost.byNamespace.slice(0, maxNamespaces);
  const rest = cost.byNamespace.slice(maxNamespaces);
  const share = (amount: number) =>
    namespaceTotal > 0 ? (amount / namespaceTotal) * 100 : 0;
  return (
    <>
      <Grid container spacing={2}>
        <Amount label="Per hour" amount={hourly} currency={currency} />
        <Amount
          label="Per day"
          amount={cost.daily ?? hourly * 24}
          currency={currency}
        />
        <Amount
          label="Per month"
          amount={cost.monthly ?? hourly * HOURS_PER_MONTH}
          currency={currency}
        />
      </Grid>
      <Box mt={1} mb={2}>
        <Typography variant="body2" color="textSecondary">
          {cost.nodes} {cost.nodes === 1 ? 'node' : 'nodes'} priced, as of{' '}
          <RelativeTime iso={cost.at} />
        </Typography>
      </Box>
      <CardTable
        label="Cost by namespace"
        rows={shown}
        rowKey={n => n.namespace}
        emptyText="No cost by namespace."
        columns={[
          { title: 'Namespace', render: n => n.namespace },
          {
            title: 'Per hour',
            align: 'right',
            render: n => formatMoney(n.hourly, currency),
          },
          {
            title: 'Per month',
            align: 'right',
            render: n => formatMoney(n.hourly * HOURS_PER_MONTH, currency),
          },
          {
            title: 'Share',
            render: n => (
              <Box display="flex" alignItems="center" minWidth={120}>
                <Box flexGrow={1} mr={1}>
                  <LinearProgress
                    variant="determinate"
                    value={share(n.hourly)}
                    aria-label={`Share of ${n.namespace}`}
                  />
                </Box>
                <Typography variant="caption">
                  {Math.round(share(n.hourly))}%
                </Typography>
              </Box>
            ),
          },
        ]}
      />
      {rest.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          and {rest.length} more{' '}
          {rest.length === 1 ? 'namespace' : 'namespaces'} (
          {formatMoney(
            rest.reduce((s, n) => s + n.hourly, 0),
            currency,
          )}{' '}
          per hour)
        </Typography>
      )}
    </>
  );
}

function CostCardContent(props: {
  cluster: ClusterRef;
  refreshIntervalMs: number;
  maxNamespaces: number;
}) {
  const { cluster, refreshIntervalMs, maxNamespaces } = props;
  const polled = useClusterPolling(
    cluster,
    (api, ref) => api.getClusterCost(ref),
    refreshIntervalMs,
  );
  return (
    <InfoCard title="Cost" subheader="From KOF (OpenCost)">
      <KofCardBody
        polled={polled}
        managementCluster={cluster.managementCluster}
        errorTitle="Could not load the cost"
      >
        {cost => <CostBody cost={cost} maxNamespaces={maxNamespaces} />}
      </KofCardBody>
    </InfoCard>
  );
}

function CostCardFor(
  props: Omit<ClusterCostCardProps, 'cluster'> & { cluster: ClusterRef },
) {
  const { cluster, refreshIntervalMs = 300_000, maxNamespaces = 10 } = props;
  const { allowed } = usePermission({
    permission: k0rdentClusterCostReadPermission,
    resourceRef: stringifyClusterRef(cluster),
  });
  if (!allowed) return null;
  return (
    <CostCardContent
      cluster={cluster}
      refreshIntervalMs={refreshIntervalMs}
      maxNamespaces={maxNamespaces}
    />
  );
}

/**
 * What a cluster costs, for users allowed to read its cost; renders nothing
 * for anyone else.
 *
 * @public
 */
export function ClusterCostCard(props: ClusterCostCardProps) {
  return (
    <ForCluster cluster={props.cluster}>
      {cluster => <CostCardFor {...props} cluster={cluster} />}
    </ForCluster>
  );
}
