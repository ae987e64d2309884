/*
 * The KCM Regions built on a cluster: while any exists, the cluster cannot
 * be deleted.
 */
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { clusterScopedEntityRef } from './entityRefs';

export function ClusterRegionsCard(props: {
  managementCluster: string;
  regions: string[];
}) {
  const { managementCluster, regions } = props;
  return (
    <InfoCard
      title="Regions on this cluster"
      subheader="The cluster cannot be deleted while these exist."
    >
      <ul aria-label="Regions">
        {regions.map(region => (
          <li key={region}>
            <Typography variant="body2" component="span">
              <EntityRefLink
                entityRef={clusterScopedEntityRef(
                  managementCluster,
                  'Region',
                  region,
                )}
              >
                {region}
              </EntityRefLink>
            </Typography>
          </li>
        ))}
      </ul>
    </InfoCard>
  );
}
