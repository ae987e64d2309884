/*
 * Scaffolder field choosing a k0rdent management cluster, the first choice of
 * every k0rdent template: the other k0rdent fields read it to know where to
 * look. Disconnected management clusters are listed but cannot be chosen,
 * since nothing could be created on them.
 */
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { k0rdentApiRef } from '../api';
import { NamePicker } from './NamePicker';

/** `ui:field` name of {@link K0rdentManagementClusterPicker}. @public */
export const K0RDENT_MANAGEMENT_CLUSTER_PICKER =
  'K0rdentManagementClusterPicker';

/**
 * Picks a management cluster; the value is its name.
 *
 * @public
 */
export function K0rdentManagementClusterPicker(
  props: FieldExtensionComponentProps<string>,
) {
  const { schema, required, rawErrors, formData, onChange, idSchema } = props;
  const api = useApi(k0rdentApiRef);
  const { value, loading, error } = useAsync(
    () => api.listManagementClusters(),
    [api],
  );

  const options = (value ?? []).map(cluster => ({
    name: cluster.name,
    label: cluster.title ?? cluster.name,
    detail: cluster.connected
      ? `${cluster.clusters} clusters`
      : `Not connected${cluster.lastError ? `: ${cluster.lastError}` : ''}`,
    disabled: !cluster.connected,
  }));

  return (
    <NamePicker
      id={idSchema?.$id ?? 'k0rdent-management-cluster'}
      label={schema.title ?? 'Management cluster'}
      description={schema.description}
      required={required}
      rawErrors={rawErrors}
      value={formData}
      onChange={onChange}
      options={options}
      loading={loading}
      loadError={error && { what: 'management clusters', error }}
      noOptionsText="No management clusters are configured"
    />
  );
}
