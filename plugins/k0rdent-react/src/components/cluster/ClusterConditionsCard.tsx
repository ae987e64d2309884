/*
 * A cluster's conditions, the ones that are not True first: that is where
 * a user looks for why a cluster is not ready.
 */
import { InfoCard, StatusOK, StatusWarning } from '@backstage/core-components';
import type { Condition } from '@k0rdent-backstage/plugin-k0rdent-common';
import { CardTable } from '../common/CardTable';
import { RelativeTime } from '../common/RelativeTime';

/** Not-True conditions first; otherwise in the order the cluster reports them. */
export function sortConditions(conditions: Condition[]): Condition[] {
  return conditions
    .map((condition, index) => ({ condition, index }))
    .sort(
      (a, b) =>
        Number(a.condition.status === 'True') -
          Number(b.condition.status === 'True') || a.index - b.index,
    )
    .map(({ condition }) => condition);
}

export function ClusterConditionsCard(props: { conditions: Condition[] }) {
  return (
    <InfoCard title="Conditions">
      <CardTable
        label="Conditions"
        rows={sortConditions(props.conditions)}
        rowKey={c => c.type}
        emptyText="The cluster reports no conditions yet."
        columns={[
          { title: 'Type', render: c => c.type },
          {
            title: 'Status',
            render: c =>
              c.status === 'True' ? (
                <StatusOK>True</StatusOK>
              ) : (
                <StatusWarning>{c.status}</StatusWarning>
              ),
          },
          { title: 'Reason', render: c => c.reason },
          { title: 'Message', render: c => c.message, wrap: true },
          {
            title: 'Last transition',
            render: c => <RelativeTime iso={c.lastTransitionTime} />,
          },
        ]}
      />
    </InfoCard>
  );
}
