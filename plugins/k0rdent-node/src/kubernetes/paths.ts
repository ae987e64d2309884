/*
 * Kind lookup and REST paths from the kind registry in -common.
 */
import { InputError } from '@backstage/errors';
import { findKind, KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';

/** The registry entry of a kind; throws InputError naming the kind when unknown. */
export function requireKind(kind: string): KindInfo {
  const info = findKind(kind);
  if (!info) {
    throw new InputError(`Unknown kind '${kind}'`);
  }
  return info;
}

/**
 * The REST path of a kind's collection or of one object:
 * `/apis/<group>/<version>[/namespaces/<ns>]/<plural>[/<name>[/<subresource>]]`
 * (`/api/v1/...` for the core group). Without a namespace a namespaced kind's
 * path spans all namespaces.
 */
export function resourcePath(
  info: KindInfo,
  options: { namespace?: string; name?: string; subresource?: string } = {},
): string {
  const base = info.group
    ? `/apis/${info.group}/${info.version}`
    : `/api/${info.version}`;
  const ns =
    info.namespaced && options.namespace
      ? `/namespaces/${encodeURIComponent(options.namespace)}`
      : '';
  let path = `${base}${ns}/${info.plural}`;
  if (options.name !== undefined) {
    path += `/${encodeURIComponent(options.name)}`;
    if (options.subresource) {
      path += `/${options.subresource}`;
    }
  }
  return path;
}

/** `namespace/name` for namespaced objects, `name` for cluster-scoped ones. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
