/*
 * The card on a Group's page: how many k0rdent clusters the group owns, by
 * status, each count a link to the fleet page filtered to them; and what they
 * cost per month, with the most expensive ones.
 *
 * The cost comes from a separate request, so that a slow or failing KOF only
 * touches the cost part. The backend counts only clusters whose cost the user
 * may read and cannot tell "no permission" from "no KOF data"; the card then
 * says "No cost data" rather than hiding the part, so that an absent cost is
 * not mistaken for a card still loading.
 */
import {
  InfoCard,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { k0rdentApiRef } from '../../api';
import { fleetLink } from '../fleet/fleetQuery';
import {
  ClusterStatusCounts,
  DEFAULT_FLEET_PATH,
} from '../common/ClusterStatusCounts';
import { CostSummaryView } from '../common/CostSummaryView';

/** Clusters listed with their cost. */
const TOP_CLUSTERS = 5;

const DEFAULT_CREATE_CLUSTER_PATH =
  '/create/templates/default/k0rdent-create-cluster';

function Cost(props: { owner: string }) {
  const { owner } = props;
  const api = useApi(k0rdentApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCostSummary({ owner, limit: TOP_CLUSTERS }),
    [api, owner],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary">
        The cost could not be read: {error.message}
      </Typography>
    );
  }
  return value ? <CostSummaryView cost={value} /> : null;
}

/** Props of {@link EntityK0rdentGroupClustersCard}. @public */
export interface EntityK0rdentGroupClustersCardProps {
  /** Where the fleet page is mounted; default `/k0rdent`. */
  fleetPath?: string;
  /** The template that creates a cluster, offered when the group has none. */
  createClusterPath?: string;
}

/**
 * A card for Group (or User) entity pages: the k0rdent clusters the entity
 * owns, counted by status with links to the fleet page filtered to them, and
 * their monthly cost with the most expensive clusters.
 *
 * @public
 */
export function EntityK0rdentGroupClustersCard(
  props: EntityK0rdentGroupClustersCardProps,
) {
  const fleetPath = props.fleetPath ?? DEFAULT_FLEET_PATH;
  const createClusterPath =
    props.createClusterPath ?? DEFAULT_CREATE_CLUSTER_PATH;
  const { entity } = useEntity();
  // Owner refs are compared in lower case, as the catalog compares them.
  const owner = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(k0rdentApiRef);
  const { value, loading, error } = useAsync(
    () => api.listClusters({ owner, limit: 0 }),
    [api, owner],
  );

  const title = 'Kubernetes clusters';
  if (loading) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={title}>
        {error && <ResponseErrorPanel error={error} />}
      </InfoCard>
    );
  }
  if (value.totalItems === 0) {
    return (
      <InfoCard title={title}>
        <Typography variant="body1" paragraph>
          This {entity.kind.toLocaleLowerCase('en-US')} owns no k0rdent cluster
          that you may see.
        </Typography>
        <LinkButton to={createClusterPath} variant="outlined" color="primary">
          Create a cluster
        </LinkButton>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={title}
      deepLink={{
        title: 'View in the fleet',
        link: fleetLink(fleetPath, { owner: [owner] }),
      }}
    >
      <ClusterStatusCounts
        fleetPath={fleetPath}
        filters={{ owner: [owner] }}
        total={value.totalItems}
        statuses={value.facets.status ?? []}
      />
      <Box my={2}>
        <Divider />
      </Box>
      <Typography variant="subtitle2" component="h3">
        Cost
      </Typography>
      <Cost owner={owner} />
    </InfoCard>
  );
}
