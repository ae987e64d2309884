/*
 * Where a template stands in its namespace's template chains: the templates
 * clusters on it may move to, and those whose clusters may move to it (found
 * by listing the namespace's templates of the same kind).
 */
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  k0rdentEntityRef,
  type TemplateDetails,
  type TemplateSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import Typography from '@material-ui/core/Typography';
import { CardTable, type CardTableColumn } from '../common/CardTable';
import type { Polled } from '../common/usePolling';
import { PolledBody } from '../common/PolledBody';
import { TEMPLATE_OBJECT_KINDS } from './templateRefOfEntity';

/** A template of the chain; only its name when the list has not told more. */
type ChainRow = Pick<TemplateSummary, 'name'> & Partial<TemplateSummary>;

function chainColumns(
  template: TemplateDetails,
): Array<CardTableColumn<ChainRow>> {
  const { managementCluster, namespace, kind } = template;
  return [
    {
      title: 'Template',
      render: row => (
        <EntityRefLink
          entityRef={k0rdentEntityRef({
            managementCluster,
            kind: TEMPLATE_OBJECT_KINDS[kind],
            namespace,
            name: row.name,
          })}
          title={row.name}
        >
          {row.name}
        </EntityRefLink>
      ),
    },
    {
      title: 'Valid',
      render: row => {
        if (row.valid === undefined) return '';
        return row.valid ? 'yes' : 'no';
      },
    },
    kind === 'cluster'
      ? { title: 'Kubernetes', render: row => row.kubernetesVersion ?? '' }
      : { title: 'Version', render: row => row.version ?? '' },
    { title: 'Chart', render: row => row.chartVersion ?? '' },
  ];
}

export function TemplateChainCard(props: {
  template: TemplateDetails;
  siblings: Polled<TemplateSummary[]>;
}) {
  const { template, siblings } = props;
  const columns = chainColumns(template);
  const known = new Map((siblings.value ?? []).map(t => [t.name, t]));
  const upgradesTo: ChainRow[] = template.upgrades.map(
    name => known.get(name) ?? { name },
  );
  return (
    <InfoCard
      title="Upgrade chain"
      subheader={`Template chains of namespace ${template.namespace}`}
      variant="gridItem"
    >
      <Typography variant="subtitle2" component="h3">
        Upgrades to
      </Typography>
      <CardTable
        label="Upgrades to"
        rows={upgradesTo}
        rowKey={row => row.name}
        columns={columns}
        emptyText="No template chain leads on from this template."
      />
      <Typography variant="subtitle2" component="h3" style={{ marginTop: 16 }}>
        Upgrades from
      </Typography>
      <PolledBody
        polled={siblings}
        errorTitle={`Could not list the templates of namespace ${template.namespace}`}
      >
        {list => (
          <CardTable
            label="Upgrades from"
            rows={list.filter(
              t =>
                t.name !== template.name && t.upgrades.includes(template.name),
            )}
            rowKey={row => row.name}
            columns={columns}
            emptyText="No template of the namespace upgrades to this one."
          />
        )}
      </PolledBody>
    </InfoCard>
  );
}
