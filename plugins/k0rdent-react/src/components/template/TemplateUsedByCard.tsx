/*
 * The clusters built from a cluster template: how many, by status, and the
 * first of them by name, with a link to all of them on the fleet page.
 */
import { InfoCard } from '@backstage/core-components';
import type {
  ClusterPage,
  TemplateDetails,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { RelativeTime } from '../common/RelativeTime';
import type { Polled } from '../common/usePolling';
import { fleetLink } from '../fleet/fleetQuery';
import { ClusterSetPage } from '../common/ClusterStatusCounts';
import { PolledBody } from '../common/PolledBody';

/** Clusters listed on the card; the counts cover all of them. */
export const USED_BY_LISTED = 20;

export function TemplateUsedByCard(props: {
  template: TemplateDetails;
  clusters: Polled<ClusterPage>;
  fleetPath: string;
}) {
  const { template, clusters, fleetPath } = props;
  const filters = {
    managementCluster: [template.managementCluster],
    namespace: [template.namespace],
    template: [template.name],
  };
  return (
    <InfoCard
      title="Used by"
      subheader={`Clusters of namespace ${template.namespace} built from ${template.name}`}
      variant="gridItem"
      deepLink={{
        title: 'View all in the fleet',
        link: fleetLink(fleetPath, filters),
      }}
    >
      <PolledBody
        polled={clusters}
        errorTitle={`Could not list the clusters using ${template.name}`}
      >
        {page => (
          <ClusterSetPage
            page={page}
            fleetPath={fleetPath}
            filters={filters}
            label="Clusters using the template"
            emptyText="No cluster that you may see uses this template."
            columns={[
              { title: 'Owner', render: c => c.owner },
              {
                title: 'Created',
                render: c => <RelativeTime iso={c.createdAt} />,
              },
            ]}
          />
        )}
      </PolledBody>
    </InfoCard>
  );
}
