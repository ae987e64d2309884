/*
 * Credentials as the portal lists them. Only the Credential's own fields leave
 * the backend: the kind of its identity says which cloud it is for, but the
 * identity's name, namespace and the Secrets behind it never do.
 */
import {
  identityProviderOf,
  type Credential,
  type CredentialSummary,
} from '@k0rdent-backstage/plugin-k0rdent-common';

/** The summary of a Credential; built field by field so that nothing else can slip in. */
export function credentialSummary(
  managementCluster: string,
  credential: Credential,
): CredentialSummary {
  const identityKind = credential.spec?.identityRef?.kind || undefined;
  const summary: CredentialSummary = {
    managementCluster,
    namespace: credential.metadata.namespace ?? '',
    name: credential.metadata.name,
    ready: credential.status?.ready === true,
  };
  if (credential.spec?.description) {
    summary.description = credential.spec.description;
  }
  if (credential.spec?.region) summary.region = credential.spec.region;
  const provider = identityProviderOf(identityKind);
  if (provider) summary.provider = provider;
  if (identityKind) summary.identityKind = identityKind;
  return summary;
}
