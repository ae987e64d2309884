/*
 * Scaffolder field choosing a ServiceTemplate (an app k0rdent can deploy on
 * clusters). Like the cluster template picker it offers only valid templates
 * of the chosen management cluster and namespace, with their versions.
 */
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { k0rdentApiRef } from '../api';
import { templateDetail } from './K0rdentClusterTemplatePicker';
import { NamePicker } from './NamePicker';
import {
  chooseFirstHint,
  type K0rdentScopeUiOptions,
  missingScope,
  readScope,
} from './scope';

/** `ui:field` name of {@link K0rdentServiceTemplatePicker}. @public */
export const K0RDENT_SERVICE_TEMPLATE_PICKER = 'K0rdentServiceTemplatePicker';

/** `ui:options` of {@link K0rdentServiceTemplatePicker}. @public */
export type K0rdentServiceTemplatePickerUiOptions = K0rdentScopeUiOptions;

/**
 * Picks a valid ServiceTemplate; the value is its name.
 *
 * @public
 */
export function K0rdentServiceTemplatePicker(
  props: FieldExtensionComponentProps<
    string,
    K0rdentServiceTemplatePickerUiOptions
  >,
) {
  const { schema, uiSchema, required, rawErrors, formData, onChange } = props;
  const api = useApi(k0rdentApiRef);
  const { managementCluster, namespace } = readScope(
    props.formContext?.formData,
    uiSchema?.['ui:options'],
  );
  const blockedHint = chooseFirstHint(
    missingScope({ managementCluster, namespace }, [
      'managementCluster',
      'namespace',
    ]),
  );
  const { value, loading, error } = useAsync(async () => {
    if (!managementCluster || !namespace) return [];
    return api.listTemplates({
      managementCluster,
      namespace,
      kind: 'service',
      valid: true,
    });
  }, [api, managementCluster, namespace]);

  return (
    <NamePicker
      id={props.idSchema?.$id ?? 'k0rdent-service-template'}
      label={schema.title ?? 'Service template'}
      description={schema.description}
      required={required}
      rawErrors={rawErrors}
      value={formData}
      onChange={onChange}
      options={(value ?? []).map(template => ({
        name: template.name,
        detail: [template.description, templateDetail(template)]
          .filter(Boolean)
          .join(' · '),
      }))}
      loading={loading}
      loadError={error && { what: 'service templates', error }}
      blockedHint={blockedHint}
      noOptionsText={`No valid service templates in namespace ${namespace}`}
    />
  );
}
