/*
 * A freshly installed k0rdent with nothing on it: system namespaces, Management,
 * Release, ProviderInterfaces, the default StateManagementProvider, an AccessManagement
 * without rules. No templates, credentials or clusters.
 */
import type { KubeObject } from '../../store/types';
import { managementBase } from './platformBase';
import { orderForLoading } from './loadOrder';
import { DAY, seedNow, type SeedOptions } from './seedTime';

export function emptySeed(options: SeedOptions = {}): KubeObject[] {
  const now = seedNow(options);
  return orderForLoading(
    managementBase({ installedAt: now - DAY, now }, false, []),
  );
}
