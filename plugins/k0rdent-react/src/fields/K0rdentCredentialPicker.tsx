/*
 * Scaffolder field choosing the Credential a new cluster is built with. Only
 * ready credentials of the chosen management cluster and namespace are
 * offered; when `templateField` names the template field, only those of the
 * template's infrastructure provider (an AWS template cannot use an Azure
 * identity). Credentials whose provider is unknown are kept: the backend
 * checks the pair again before anything is created.
 */
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { k0rdentApiRef } from '../api';
import { NamePicker } from './NamePicker';
import {
  chooseFirstHint,
  type K0rdentTemplateScopeUiOptions,
  missingScope,
  readScope,
} from './scope';

/** `ui:field` name of {@link K0rdentCredentialPicker}. @public */
export const K0RDENT_CREDENTIAL_PICKER = 'K0rdentCredentialPicker';

/**
 * `ui:options` of {@link K0rdentCredentialPicker}: `templateField` (no default)
 * limits the choice to the provider of the template chosen there.
 *
 * @public
 */
export type K0rdentCredentialPickerUiOptions = K0rdentTemplateScopeUiOptions;

/**
 * Picks a ready Credential; the value is its name.
 *
 * @public
 */
export function K0rdentCredentialPicker(
  props: FieldExtensionComponentProps<string, K0rdentCredentialPickerUiOptions>,
) {
  const { schema, uiSchema, required, rawErrors, formData, onChange } = props;
  const api = useApi(k0rdentApiRef);
  const { managementCluster, namespace, template } = readScope(
    props.formContext?.formData,
    uiSchema?.['ui:options'],
    'if-configured',
  );
  const blockedHint = chooseFirstHint(
    missingScope({ managementCluster, namespace }, [
      'managementCluster',
      'namespace',
    ]),
  );
  const { value, loading, error } = useAsync(async () => {
    if (!managementCluster || !namespace) return { credentials: [] };
    const [credentials, templates] = await Promise.all([
      api.listCredentials({ managementCluster, namespace, ready: true }),
      template
        ? api.listTemplates({ managementCluster, namespace, kind: 'cluster' })
        : Promise.resolve([]),
    ]);
    const provider = templates.find(t => t.name === template)?.provider;
    return {
      provider,
      credentials: provider
        ? credentials.filter(c => !c.provider || c.provider === provider)
        : credentials,
    };
  }, [api, managementCluster, namespace, template]);

  return (
    <NamePicker
      id={props.idSchema?.$id ?? 'k0rdent-credential'}
      label={schema.title ?? 'Credential'}
      description={schema.description}
      required={required}
      rawErrors={rawErrors}
      value={formData}
      onChange={onChange}
      options={(value?.credentials ?? []).map(credential => ({
        name: credential.name,
        detail: [
          credential.provider,
          credential.identityKind,
          credential.region && `region ${credential.region}`,
          credential.description,
        ]
          .filter(Boolean)
          .join(' · '),
      }))}
      loading={loading}
      loadError={error && { what: 'credentials', error }}
      blockedHint={blockedHint}
      noOptionsText={
        value?.provider
          ? `No ready ${value.provider} credentials in namespace ${namespace}`
          : `No ready credentials in namespace ${namespace}`
      }
    />
  );
}
