/*
 * Recent Kubernetes events about the ClusterDeployment, newest first.
 */
import { InfoCard, StatusWarning } from '@backstage/core-components';
import type { ObjectEvent } from '@k0rdent-backstage/plugin-k0rdent-common';
import { CardTable } from '../common/CardTable';
import { RelativeTime } from '../common/RelativeTime';

export function ClusterEventsCard(props: { events: ObjectEvent[] }) {
  return (
    <InfoCard title="Events">
      <CardTable
        label="Events"
        rows={props.events}
        rowKey={(e, i) => `${e.reason ?? ''}/${e.lastTimestamp ?? ''}/${i}`}
        emptyText="No recent events about this cluster."
        columns={[
          {
            title: 'Type',
            render: e =>
              e.type === 'Warning' ? (
                <StatusWarning>Warning</StatusWarning>
              ) : (
                e.type
              ),
          },
          { title: 'Reason', render: e => e.reason ?? '' },
          { title: 'Message', render: e => e.message ?? '', wrap: true },
          { title: 'Count', render: e => e.count ?? '', align: 'right' },
          {
            title: 'Last seen',
            render: e => <RelativeTime iso={e.lastTimestamp} />,
          },
        ]}
      />
    </InfoCard>
  );
}
