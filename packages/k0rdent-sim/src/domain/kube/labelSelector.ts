/*
 * metav1.LabelSelector matching, as used by MultiClusterService.clusterSelector.
 */
import type { LabelSelector } from '@k0rdent-backstage/plugin-k0rdent-common';

/** Whether a selector has no terms at all (KCM: an empty clusterSelector matches no CD). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return (
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 &&
      (selector.matchExpressions ?? []).length === 0)
  );
}

/** Kubernetes semantics: all matchLabels and all matchExpressions must hold. */
export function matchesLabelSelector(
  labels: Record<string, string> | undefined,
  selector: LabelSelector,
): boolean {
  const actual = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (actual[key] !== value) {
      return false;
    }
  }
  for (const requirement of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(actual, requirement.key);
    const values = requirement.values ?? [];
    switch (requirement.operator) {
      case 'In':
        if (!has || !values.includes(actual[requirement.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(actual[requirement.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
