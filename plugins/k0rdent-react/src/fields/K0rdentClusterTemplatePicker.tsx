/*
 * Scaffolder field choosing the ClusterTemplate of a new cluster. Only valid
 * templates of the chosen management cluster and namespace are offered (an
 * invalid one would be refused by k0rdent), each with its provider and
 * versions so users can tell `aws-standalone-cp-1-0-16` from `-1-0-17`.
 */
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { TemplateSummary } from '@k0rdent-backstage/plugin-k0rdent-common';
import useAsync from 'react-use/esm/useAsync';
import { k0rdentApiRef } from '../api';
import { NamePicker } from './NamePicker';
import {
  chooseFirstHint,
  formValue,
  type K0rdentScopeUiOptions,
  missingScope,
  readScope,
} from './scope';

/** `ui:field` name of {@link K0rdentClusterTemplatePicker}. @public */
export const K0RDENT_CLUSTER_TEMPLATE_PICKER = 'K0rdentClusterTemplatePicker';

/** `ui:options` of {@link K0rdentClusterTemplatePicker}. @public */
export type K0rdentClusterTemplatePickerUiOptions = K0rdentScopeUiOptions & {
  /**
   * Form value holding the name of an existing cluster: only the templates it
   * may be upgraded to (its `availableUpgrades`) are offered. For upgrade
   * templates.
   */
  upgradesOfField?: string;
};

/** "aws · Kubernetes v1.32.5 · chart 1.0.16" */
export function templateDetail(template: TemplateSummary): string {
  return [
    template.provider ?? template.providers.join(', '),
    template.kubernetesVersion && `Kubernetes ${template.kubernetesVersion}`,
    template.version && `version ${template.version}`,
    template.chartVersion && `chart ${template.chartVersion}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * Picks a valid ClusterTemplate; the value is its name.
 *
 * @public
 */
export function K0rdentClusterTemplatePicker(
  props: FieldExtensionComponentProps<
    string,
    K0rdentClusterTemplatePickerUiOptions
  >,
) {
  const { schema, uiSchema, required, rawErrors, formData, onChange } = props;
  const api = useApi(k0rdentApiRef);
  const options = uiSchema?.['ui:options'];
  const { managementCluster, namespace } = readScope(
    props.formContext?.formData,
    options,
  );
  const upgradesOf = options?.upgradesOfField
    ? formValue(props.formContext?.formData, options.upgradesOfField)
    : undefined;
  const blockedHint = chooseFirstHint(
    missingScope({ managementCluster, namespace }, [
      'managementCluster',
      'namespace',
    ]),
  );
  const { value, loading, error } = useAsync(async () => {
    if (!managementCluster || !namespace) return [];
    const templates = await api.listTemplates({
      managementCluster,
      namespace,
      kind: 'cluster',
      valid: true,
    });
    if (!upgradesOf) return templates;
    const cluster = await api.getCluster({
      managementCluster,
      namespace,
      name: upgradesOf,
    });
    const targets = new Set(cluster.availableUpgrades);
    return templates.filter(template => targets.has(template.name));
  }, [api, managementCluster, namespace, upgradesOf]);

  return (
    <NamePicker
      id={props.idSchema?.$id ?? 'k0rdent-cluster-template'}
      label={schema.title ?? 'Cluster template'}
      description={schema.description}
      required={required}
      rawErrors={rawErrors}
      value={formData}
      onChange={onChange}
      options={(value ?? []).map(template => ({
        name: template.name,
        detail: templateDetail(template),
      }))}
      loading={loading}
      loadError={error && { what: 'cluster templates', error }}
      blockedHint={blockedHint}
      noOptionsText={
        upgradesOf
          ? `Cluster ${upgradesOf} has no upgrades available`
          : `No valid cluster templates in namespace ${namespace}`
      }
    />
  );
}
