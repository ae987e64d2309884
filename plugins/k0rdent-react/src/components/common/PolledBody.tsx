/*
 * The body of a card whose data reloads: the data (with a note when a reload
 * failed), else an error panel when nothing could be loaded, else a progress
 * bar.
 */
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { ReactNode } from 'react';
import { RefreshFailedNote } from './ProblemNotes';
import type { Polled } from './usePolling';

export function PolledBody<T>(props: {
  polled: Polled<T>;
  errorTitle: string;
  children: (value: T) => ReactNode;
}) {
  const { polled, errorTitle, children } = props;
  if (polled.value !== undefined) {
    return (
      <>
        {polled.error && <RefreshFailedNote error={polled.error} />}
        {children(polled.value)}
      </>
    );
  }
  if (polled.error) {
    return <ResponseErrorPanel error={polled.error} title={errorTitle} />;
  }
  return <Progress />;
}
