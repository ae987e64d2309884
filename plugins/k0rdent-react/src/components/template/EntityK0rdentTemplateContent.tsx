/*
 * The k0rdent tab of a template's entity page: the template as the
 * management cluster reports it (validity, versions, providers), where it
 * stands in its namespace's template chains, which clusters are built from
 * it (cluster templates), and its default values. Everything reloads every
 * 30 seconds without blanking what is shown; a failed reload is noted next
 * to the last loaded data.
 */
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { k0rdentApiRef, type TemplateRef } from '../../api';
import { RefreshFailedNote } from '../common/ProblemNotes';
import { usePolling } from '../common/usePolling';
import { DEFAULT_FLEET_PATH } from '../common/ClusterStatusCounts';
import { TemplateChainCard } from './TemplateChainCard';
import { TemplateDefaultsCard } from './TemplateDefaultsCard';
import { TemplateOverviewCard } from './TemplateOverviewCard';
import { TemplateUsedByCard, USED_BY_LISTED } from './TemplateUsedByCard';
import { templateRefOfEntity } from './templateRefOfEntity';

/** Props of {@link EntityK0rdentTemplateContent}. @public */
export interface EntityK0rdentTemplateContentProps {
  /** How often the template, its chain and its clusters reload; every 30 s by default. */
  refreshIntervalMs?: number;
  /** Where the fleet page is mounted; `/k0rdent` by default. */
  fleetPath?: string;
}

function TemplateContentFor(props: {
  template: TemplateRef;
  refreshIntervalMs: number;
  fleetPath: string;
}) {
  const { template, refreshIntervalMs, fleetPath } = props;
  const { managementCluster, kind, namespace, name } = template;
  const api = useApi(k0rdentApiRef);
  const key = `${managementCluster}/${kind}/${namespace}/${name}`;
  const details = usePolling(
    () => api.getTemplate({ managementCluster, kind, namespace, name }),
    key,
    refreshIntervalMs,
  );
  const siblings = usePolling(
    () => api.listTemplates({ managementCluster, namespace, kind }),
    `${key}#siblings`,
    refreshIntervalMs,
  );
  const clusters = usePolling(
    () =>
      api.listClusters({
        managementCluster,
        namespace,
        template: name,
        limit: USED_BY_LISTED,
        sort: 'name',
      }),
    kind === 'cluster' ? `${key}#clusters` : undefined,
    refreshIntervalMs,
  );

  const { value, error } = details;
  if (!value) {
    return error ? (
      <ResponseErrorPanel
        error={error}
        title={`Could not load template ${namespace}/${name} of management cluster ${managementCluster}`}
      />
    ) : (
      <Progress />
    );
  }
  return (
    <Grid container spacing={3} alignItems="stretch">
      {error && (
        <Grid item xs={12}>
          <RefreshFailedNote error={error} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <TemplateOverviewCard template={value} />
      </Grid>
      <Grid item xs={12} md={6}>
        <TemplateChainCard template={value} siblings={siblings} />
      </Grid>
      {kind === 'cluster' && (
        <Grid item xs={12}>
          <TemplateUsedByCard
            template={value}
            clusters={clusters}
            fleetPath={fleetPath}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <TemplateDefaultsCard defaults={value.defaults} />
      </Grid>
    </Grid>
  );
}

/**
 * The k0rdent tab of a ClusterTemplate or ServiceTemplate entity: validity,
 * versions and providers; the upgrade chain both ways; the clusters built
 * from it (cluster templates), counted by status with links to the fleet
 * page; and its default values.
 *
 * @public
 */
export function EntityK0rdentTemplateContent(
  props: EntityK0rdentTemplateContentProps,
) {
  const { refreshIntervalMs = 30_000, fleetPath = DEFAULT_FLEET_PATH } = props;
  const { entity } = useEntity();
  const template = templateRefOfEntity(entity);
  if (!template) {
    return (
      <EmptyState
        missing="info"
        title="Not a k0rdent template"
        description="This entity does not stand for a k0rdent ClusterTemplate or ServiceTemplate: it has no k0rdent annotations naming a management cluster, template kind, namespace and name."
      />
    );
  }
  return (
    <TemplateContentFor
      template={template}
      refreshIntervalMs={refreshIntervalMs}
      fleetPath={fleetPath}
    />
  );
}
