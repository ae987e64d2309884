/*
 * Facet values derived from k0rdent objects: status words and tags in the form the catalog accepts.
 */
import {
  clusterPhase,
  type ClusterPhase,
  type Credential,
  type TemplateStatus,
  type WithConditions,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { SnapshotObject } from './snapshot';

/** Status facet of a ClusterDeployment, MultiClusterService or Region. */
export function phaseStatus(object: SnapshotObject): ClusterPhase {
  return clusterPhase(object as SnapshotObject & WithConditions);
}

/** `Valid` / `Invalid` for a template; undefined before the controller has looked at it. */
export function templateStatus(template: SnapshotObject): string | undefined {
  const status = template.status as Partial<TemplateStatus> | undefined;
  if (typeof status?.valid !== 'boolean') {
    return undefined;
  }
  return status.valid ? 'Valid' : 'Invalid';
}

/** `Ready` / `NotReady` for a Credential (`status.ready`, false until set). */
export function credentialStatus(credential: Credential): string {
  return credential.status?.ready === true ? 'Ready' : 'NotReady';
}

const MAX_TAG_LENGTH = 63;

/**
 * A valid catalog tag for any string (lower case `[a-z0-9:+#]` words joined by
 * single dashes, at most 63 characters), or undefined when nothing is left.
 */
export function toTag(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const tag = value
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9:+#]+/g, '-')
    .slice(0, MAX_TAG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return tag || undefined;
}
