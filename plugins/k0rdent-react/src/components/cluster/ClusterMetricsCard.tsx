/*
 * A cluster's usage from KOF: CPU and memory used against what its nodes
 * offer, and nodes up, over a window the user picks. Refreshes every minute.
 */
import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  type ClusterMetric,
  type ClusterMetrics,
  METRICS_WINDOWS,
  type MetricsWindow,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { useState } from 'react';
import type { ClusterRef } from '../../api';
import { TimeSeriesChart } from '../charts';
import type { TickKind } from '../charts/scales';
import { formatBytes, formatCores } from '../common';
import { ForCluster } from './ForCluster';
import { KofCardBody } from '../common/ProblemNotes';
import { useClusterPolling } from './useClusterPolling';

/** Props of {@link ClusterMetricsCard}. @public */
export interface ClusterMetricsCardProps {
  /** The cluster; the entity page's cluster when absent. */
  cluster?: ClusterRef;
  /** Window shown first; `6h` by default. */
  defaultWindow?: MetricsWindow;
  /** How often the metrics reload; every 60 s by default. */
  refreshIntervalMs?: number;
}

const WINDOWS = Object.keys(METRICS_WINDOWS) as MetricsWindow[];

const NO_DATA =
  'KOF has no data for this cluster yet (not a KOF cluster, or not reporting).';

function formatNodes(nodes: number): string {
  const text = Number.isInteger(nodes) ? String(nodes) : nodes.toFixed(1);
  return `${text} ${nodes === 1 ? 'node' : 'nodes'}`;
}

const UNITS: Record<
  ClusterMetric['unit'],
  { format: (value: number) => string; ticks: TickKind }
> = {
  cores: { format: formatCores, ticks: 'decimal' },
  bytes: { format: formatBytes, ticks: 'binary' },
  nodes: { format: formatNodes, ticks: 'integer' },
};

function latestOf(metric: ClusterMetric): number | undefined {
  return metric.latest ?? metric.points[metric.points.length - 1]?.[1];
}

/** `2.35 cores of 8 cores (29%)`, `3 nodes up`. */
function latestText(metric: ClusterMetric): string {
  const latest = latestOf(metric);
  const { format } = UNITS[metric.unit];
  if (latest === undefined) return 'no data';
  if (metric.unit === 'nodes') return `${format(latest)} up`;
  if (metric.capacity) {
    const share = Math.round((latest / metric.capacity) * 100);
    return `${format(latest)} of ${format(metric.capacity)} (${share}%)`;
  }
  return format(latest);
}

function MetricsCharts(props: { metrics: ClusterMetrics }) {
  const { metrics } = props;
  const start = Date.parse(metrics.start) / 1000;
  const end = Date.parse(metrics.end) / 1000;
  return (
    <Grid container spacing={2}>
      {metrics.metrics.map(metric => (
        <Grid item xs={12} md={4} key={metric.id}>
          <Typography variant="subtitle2" component="h3">
            {metric.title}
          </Typography>
          <Typography variant="body2" data-testid={`latest-${metric.id}`}>
            {latestText(metric)}
          </Typography>
          <TimeSeriesChart
            title={metric.title}
            points={metric.points}
            capacity={metric.capacity}
            formatValue={UNITS[metric.unit].format}
            tickKind={UNITS[metric.unit].ticks}
            start={Number.isFinite(start) ? start : undefined}
            end={Number.isFinite(end) ? end : undefined}
            stepSeconds={metrics.stepSeconds}
            height={160}
          />
        </Grid>
      ))}
    </Grid>
  );
}

function MetricsCardFor(
  props: Omit<ClusterMetricsCardProps, 'cluster'> & { cluster: ClusterRef },
) {
  const { cluster, defaultWindow = '6h', refreshIntervalMs = 60_000 } = props;
  const [timeWindow, setTimeWindow] = useState<MetricsWindow>(defaultWindow);
  const polled = useClusterPolling(
    cluster,
    (api, ref) => api.getClusterMetrics(ref, timeWindow),
    refreshIntervalMs,
    timeWindow,
  );

  return (
    <InfoCard
      title="Usage"
      subheader="From KOF"
      action={
        <ToggleButtonGroup
          size="small"
          exclusive
          value={timeWindow}
          aria-label="Time window"
          onChange={(_event, next: MetricsWindow | null) => {
            if (next) setTimeWindow(next);
          }}
        >
          {WINDOWS.map(w => (
            <ToggleButton key={w} value={w} aria-label={`Last ${w}`}>
              {w}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      }
    >
      <KofCardBody
        polled={polled}
        managementCluster={cluster.managementCluster}
        errorTitle="Could not load metrics"
      >
        {metrics =>
          metrics.metrics.every(m => m.points.length === 0) ? (
            <Typography variant="body2" color="textSecondary">
              {NO_DATA}
            </Typography>
          ) : (
            <MetricsCharts metrics={metrics} />
          )
        }
      </KofCardBody>
    </InfoCard>
  );
}

/**
 * CPU, memory and nodes of a cluster over a chosen window, from KOF.
 *
 * @public
 */
export function ClusterMetricsCard(props: ClusterMetricsCardProps) {
  return (
    <ForCluster cluster={props.cluster}>
      {cluster => <MetricsCardFor {...props} cluster={cluster} />}
    </ForCluster>
  );
}
