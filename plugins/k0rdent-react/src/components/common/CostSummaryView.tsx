/*
 * What a set of clusters costs per month, with the most expensive ones, and
 * which clusters the sum leaves out and why. The backend counts only clusters
 * whose cost the user may read and cannot tell "no permission" from "no KOF
 * data": both read "No cost data".
 */
import type { CostSummary } from '@k0rdent-backstage/plugin-k0rdent-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatMoney } from './format';
import { RelativeTime } from './RelativeTime';
import { clusterCount } from './ClusterStatusCounts';

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

export function CostSummaryView(props: { cost: CostSummary }) {
  const { cost } = props;
  if (cost.totalItems === 0) {
    return (
      <>
        <Typography variant="body2" color="textSecondary">
          No cost data.
        </Typography>
        <CostNotes cost={cost} />
      </>
    );
  }
  const more = cost.totalItems - cost.items.length;
  return (
    <>
      <Typography variant="h6" component="p">
        {formatMoney(cost.totalMonthly, cost.currency)} per month
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {clusterCount(cost.totalItems)} with cost data, prices of{' '}
        <RelativeTime iso={cost.at} />
      </Typography>
      <Table size="small" aria-label="Most expensive clusters">
        <TableBody>
          {cost.items.map(item => (
            <TableRow key={item.entityRef}>
              <TableCell>
                <EntityRefLink entityRef={item.entityRef} title={item.name}>
                  {item.name}
                </EntityRefLink>
              </TableCell>
              <TableCell align="right">
                {formatMoney(item.monthly, cost.currency)}
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
      <CostNotes cost={cost} />
    </>
  );
}
