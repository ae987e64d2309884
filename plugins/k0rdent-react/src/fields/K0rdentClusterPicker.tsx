/*
 * Scaffolder field choosing an existing cluster (ClusterDeployment), for
 * templates that upgrade, change or delete one. The backend lists only the
 * clusters the user may read. The value is the cluster name, so templates
 * keep the management cluster and namespace in their own fields, as the
 * scaffolder actions take them; when those are filled the list is narrowed
 * to them.
 */
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { k0rdentApiRef } from '../api';
import { NamePicker } from './NamePicker';
import { type K0rdentScopeUiOptions, readScope } from './scope';

/** `ui:field` name of {@link K0rdentClusterPicker}. @public */
export const K0RDENT_CLUSTER_PICKER = 'K0rdentClusterPicker';

/** Most clusters the picker lists (the backend's largest page). */
const MAX_LISTED_CLUSTERS = 500;

/** `ui:options` of {@link K0rdentClusterPicker}. @public */
export type K0rdentClusterPickerUiOptions = K0rdentScopeUiOptions & {
  /**
   * Only clusters owned by the user or one of the user's groups: for
   * templates that change or delete a cluster, which only owners may do.
   */
  ownedOnly?: boolean;
};

/**
 * Picks a cluster the user can see; the value is its name.
 *
 * @public
 */
export function K0rdentClusterPicker(
  props: FieldExtensionComponentProps<string, K0rdentClusterPickerUiOptions>,
) {
  const { schema, uiSchema, required, rawErrors, formData, onChange } = props;
  const api = useApi(k0rdentApiRef);
  const identityApi = useApi(identityApiRef);
  const options = uiSchema?.['ui:options'];
  const ownedOnly = options?.ownedOnly === true;
  const { managementCluster, namespace } = readScope(
    props.formContext?.formData,
    options,
  );
  const { value, loading, error } = useAsync(async () => {
    const owner = ownedOnly
      ? (await identityApi.getBackstageIdentity()).ownershipEntityRefs
      : undefined;
    return api.listClusters({
      managementCluster,
      namespace,
      owner,
      sort: 'name',
      limit: MAX_LISTED_CLUSTERS,
    });
  }, [api, identityApi, managementCluster, namespace, ownedOnly]);

  return (
    <NamePicker
      id={props.idSchema?.$id ?? 'k0rdent-cluster'}
      label={schema.title ?? 'Cluster'}
      description={schema.description}
      required={required}
      rawErrors={rawErrors}
      value={formData}
      onChange={onChange}
      options={(value?.items ?? []).map(cluster => ({
        name: cluster.name,
        detail: [
          `${cluster.managementCluster}/${cluster.namespace}`,
          cluster.status,
          cluster.template,
        ].join(' · '),
      }))}
      loading={loading}
      loadError={error && { what: 'clusters', error }}
      noOptionsText={
        ownedOnly ? 'No clusters of yours here' : 'No clusters you can see'
      }
    />
  );
}
