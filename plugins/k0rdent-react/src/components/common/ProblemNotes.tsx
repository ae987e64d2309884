/*
 * How the cluster cards show problems: a panel when nothing could be loaded,
 * a one-line note when a reload failed and older data is still shown.
 */
import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { kofErrorMessage, messageOf } from './errors';
import type { Polled } from './usePolling';

/** A reload failed: the data shown is from the last successful load. */
export function RefreshFailedNote(props: { error: Error }) {
  return (
    <Typography variant="caption" color="error" role="status" component="p">
      Could not refresh: {messageOf(props.error)}. Showing the last loaded data.
    </Typography>
  );
}

/** Why metrics or cost of a cluster cannot be shown. */
export function KofErrorPanel(props: {
  error: Error;
  managementCluster: string;
  title: string;
}) {
  const { error, managementCluster, title } = props;
  const message = kofErrorMessage(error, managementCluster);
  if (message) {
    return <WarningPanel severity="error" title={title} message={message} />;
  }
  return <ResponseErrorPanel error={error} title={title} />;
}

/**
 * The body of a card showing KOF data: the data (with a note when a reload
 * failed), else why it could not be loaded, else a progress bar.
 */
export function KofCardBody<T>(props: {
  polled: Polled<T>;
  managementCluster: string;
  errorTitle: string;
  children: (value: T) => ReactNode;
}) {
  const { polled, managementCluster, errorTitle, children } = props;
  const { value, error } = polled;
  if (value !== undefined) {
    return (
      <>
        {error && <RefreshFailedNote error={error} />}
        {children(value)}
      </>
    );
  }
  if (error) {
    return (
      <KofErrorPanel
        error={error}
        managementCluster={managementCluster}
        title={errorTitle}
      />
    );
  }
  return <Progress />;
}
