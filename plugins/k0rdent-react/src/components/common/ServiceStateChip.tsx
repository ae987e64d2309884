/*
 * A service's state on a cluster as a status chip (Deployed, Failed, Deleting,
 * or anything in progress), or "Not reported yet" when there is none.
 */
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import type { ServiceState } from '@k0rdent-backstage/plugin-k0rdent-common';

export function ServiceStateChip(props: { state?: ServiceState['state'] }) {
  const { state } = props;
  switch (state) {
    case undefined:
      return <StatusPending>Not reported yet</StatusPending>;
    case 'Deployed':
      return <StatusOK>{state}</StatusOK>;
    case 'Failed':
      return <StatusError>{state}</StatusError>;
    case 'Deleting':
      return <StatusAborted>{state}</StatusAborted>;
    default:
      return <StatusPending>{state}</StatusPending>;
  }
}
