/*
 * A cluster's status as the catalog and the fleet page show it: the phase, or
 * Stale while its management cluster does not answer.
 */
import type { ClusterStatus } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';

/** The status with the icon Backstage uses for its meaning. @public */
export function ClusterStatusChip(props: { status: ClusterStatus }) {
  const { status } = props;
  switch (status) {
    case 'Ready':
      return <StatusOK>Ready</StatusOK>;
    case 'Failed':
      return <StatusError>Failed</StatusError>;
    case 'Provisioning':
      return <StatusPending>Provisioning</StatusPending>;
    case 'Deleting':
      return <StatusAborted>Deleting</StatusAborted>;
    default:
      return <StatusWarning>{status}</StatusWarning>;
  }
}
