/*
 * The overview of one template: whether it is valid (and why not), what it
 * is for, what it deploys (provider, chart and app version, Kubernetes
 * version), whether it is a copy and whether it has a values schema.
 */
import {
  InfoCard,
  StatusError,
  StatusOK,
  StructuredMetadataTable,
} from '@backstage/core-components';
import type { TemplateDetails } from '@k0rdent-backstage/plugin-k0rdent-common';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

const KEEP_TITLE = { titleFormat: (key: string) => key };

function Validity(props: { template: TemplateDetails }) {
  const { valid, validationError } = props.template;
  if (valid) return <StatusOK>Valid</StatusOK>;
  return (
    <>
      <StatusError>Invalid</StatusError>
      {validationError && (
        <Typography variant="body2" color="textSecondary">
          {validationError}
        </Typography>
      )}
    </>
  );
}

export function TemplateOverviewCard(props: { template: TemplateDetails }) {
  const { template } = props;
  const isCluster = template.kind === 'cluster';
  const providers = [
    ...new Set([
      ...(template.provider ? [template.provider] : []),
      ...template.providers,
    ]),
  ];
  const metadata: Record<string, ReactNode> = {
    Status: <Validity template={template} />,
    Description: template.description ?? '—',
    Kind: isCluster ? 'ClusterTemplate' : 'ServiceTemplate',
    'Management cluster': template.managementCluster,
    Namespace: template.namespace,
    [providers.length > 1 ? 'Providers' : 'Provider']:
      providers.join(', ') || '—',
    'Chart version': template.chartVersion ?? '—',
    ...(isCluster
      ? { 'Kubernetes version': template.kubernetesVersion ?? '—' }
      : { 'App version': template.version ?? '—' }),
    Copy: template.copy
      ? 'Yes: copied into this namespace from the system namespace'
      : 'No',
    'Values schema': template.hasValuesSchema ? 'Yes' : 'No',
  };
  return (
    <InfoCard title="Overview" variant="gridItem">
      <StructuredMetadataTable dense metadata={metadata} options={KEEP_TITLE} />
    </InfoCard>
  );
}
