/*
 * The management clusters above the fleet: a warning for each one that does
 * not answer (its clusters show their last known state, as Stale), else one
 * quiet line.
 */
import { WarningPanel } from '@backstage/core-components';
import type { ManagementClusterHealth } from '@k0rdent-backstage/plugin-k0rdent-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatAbsolute, formatRelative } from '../common';

/** Disconnected, or connected again but still serving stale data. */
function isUnhealthy(health: ManagementClusterHealth): boolean {
  return !health.connected || health.staleSince !== undefined;
}

function ManagementClusterWarning(props: { health: ManagementClusterHealth }) {
  const { name, title, connected, staleSince, lastError, clusters } =
    props.health;
  const label = title ? `${title} (${name})` : name;
  const problem = connected ? 'serves stale data' : 'does not answer';
  const since = staleSince ? ` since ${formatRelative(staleSince)}` : '';
  return (
    <WarningPanel
      severity="warning"
      title={`Management cluster ${label} ${problem}${since}`}
      defaultExpanded
    >
      <Typography variant="body2">
        {staleSince && `Since ${formatAbsolute(staleSince)}. `}
        {clusters === 1
          ? 'Its cluster shows the last known state.'
          : `Its ${clusters} clusters show the last known state.`}
      </Typography>
      {lastError && (
        <Typography variant="body2">Last error: {lastError}</Typography>
      )}
    </WarningPanel>
  );
}

/** The health of the management clusters, or why it could not be read. */
export function ManagementClustersHealth(props: {
  health?: ManagementClusterHealth[];
  error?: Error;
}) {
  const { health, error } = props;
  if (!health) {
    return error ? (
      <WarningPanel
        severity="info"
        title="The health of the management clusters could not be read"
        message={error.message}
      />
    ) : null;
  }
  const unhealthy = health.filter(isUnhealthy);
  if (unhealthy.length > 0) {
    return (
      <Box display="grid" gridGap={8}>
        {unhealthy.map(h => (
          <ManagementClusterWarning key={h.name} health={h} />
        ))}
      </Box>
    );
  }
  if (health.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No management cluster is configured.
      </Typography>
    );
  }
  const syncing = health.filter(h => !h.synced).length;
  return (
    <Typography variant="body2" color="textSecondary">
      {health.length === 1
        ? '1 management cluster, connected'
        : `${health.length} management clusters, all connected`}
      {syncing > 0 ? ` (${syncing} still syncing)` : ''}
    </Typography>
  );
}
