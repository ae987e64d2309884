/*
 * Owner references as people write them ("payments", "group:payments",
 * "user:default/jane") turned into full, valid entity refs.
 */
import {
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const OWNER_KINDS = new Set(['group', 'user']);

/**
 * The full entity ref of an owner, or undefined when the value is not a valid
 * reference to a Group or User.
 *
 * A bare name means a Group in the `default` namespace: `payments` becomes
 * `group:default/payments`. The kind is case-insensitive and written in lower
 * case; name and namespace must be valid entity names and namespaces.
 *
 * @public
 */
export function normalizeOwnerRef(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  let ref;
  try {
    ref = parseEntityRef(value.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
  const kind = ref.kind.toLocaleLowerCase('en-US');
  if (
    !OWNER_KINDS.has(kind) ||
    !KubernetesValidatorFunctions.isValidNamespace(ref.namespace) ||
    !KubernetesValidatorFunctions.isValidObjectName(ref.name)
  ) {
    return undefined;
  }
  return stringifyEntityRef({ kind, namespace: ref.namespace, name: ref.name });
}
