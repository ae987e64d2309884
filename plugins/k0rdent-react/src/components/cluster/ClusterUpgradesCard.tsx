/*
 * The templates a cluster may move to along its template chain, each with a
 * link to the upgrade template, prefilled, for users who may update the
 * cluster. The scaffolder reads prefilled values from `?formData=<JSON>`.
 */
import { InfoCard, Link } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  type ClusterDetails,
  k0rdentClusterUpdatePermission,
  stringifyClusterRef,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { CardTable } from '../common/CardTable';

/** Where the upgrade template is, and the scaffolder that runs it. */
export interface UpgradeTemplateOptions {
  /** Path the scaffolder is mounted at; `/create` by default. */
  scaffolderPath?: string;
  /** `<namespace>/<name>` of the template; `default/k0rdent-upgrade-cluster` by default. */
  upgradeTemplate?: string;
}

/** The scaffolder URL of the upgrade template, prefilled for the cluster and target. */
export function upgradeLink(
  cluster: Pick<ClusterDetails, 'managementCluster' | 'namespace' | 'name'>,
  target: string,
  options: UpgradeTemplateOptions = {},
): string {
  const {
    scaffolderPath = '/create',
    upgradeTemplate = 'default/k0rdent-upgrade-cluster',
  } = options;
  const formData = JSON.stringify({
    managementCluster: cluster.managementCluster,
    namespace: cluster.namespace,
    name: cluster.name,
    template: target,
  });
  return `${scaffolderPath.replace(
    /\/+$/,
    '',
  )}/templates/${upgradeTemplate}?formData=${encodeURIComponent(formData)}`;
}

export function ClusterUpgradesCard(
  props: { cluster: ClusterDetails } & UpgradeTemplateOptions,
) {
  const { cluster, ...options } = props;
  const { allowed } = usePermission({
    permission: k0rdentClusterUpdatePermission,
    resourceRef: stringifyClusterRef(cluster),
  });
  return (
    <InfoCard
      title="Upgrades"
      subheader={`From ${cluster.template}`}
      variant="gridItem"
    >
      <CardTable
        label="Upgrades"
        rows={cluster.upgrades}
        rowKey={u => u.name}
        emptyText="No upgrades available: the cluster's template chain offers no newer template."
        columns={[
          { title: 'Template', render: u => u.name },
          {
            title: 'Valid',
            render: u => (u.valid ? 'yes' : 'no (cannot be used)'),
          },
          { title: 'Kubernetes', render: u => u.kubernetesVersion ?? '' },
          { title: 'Chart', render: u => u.chartVersion ?? '' },
          {
            title: '',
            align: 'right',
            render: u =>
              allowed && u.valid ? (
                <Link
                  to={upgradeLink(cluster, u.name, options)}
                  aria-label={`Upgrade to ${u.name}`}
                >
                  Upgrade…
                </Link>
              ) : null,
          },
        ]}
      />
    </InfoCard>
  );
}
