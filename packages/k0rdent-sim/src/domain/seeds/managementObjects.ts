/*
 * The management cluster's own k0rdent objects: Management `kcm`, its Release,
 * ProviderInterfaces, the default StateManagementProvider, AccessManagement and a
 * nightly ManagementBackup. k0rdent 1.11.4 was installed 30 days before "now".
 */
import {
  CONDITION_REASONS,
  CONDITION_TYPES,
  DEFAULT_STATE_MANAGEMENT_PROVIDER,
  K0RDENT_LABELS,
  MANAGEMENT_NAME,
  type AccessRule,
  type ComponentStatus,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';
import { CAPI_PROVIDERS } from '../catalog/providers';
import { setCondition, type ConditionUpdate } from '../kube/conditions';
import { COMPONENT_LABEL, SYSTEM, object } from './objectBuilders';
import { DAY, HOUR, toKubeTime } from './seedTime';

export const RELEASE_NAME = 'kcm-1-11-4';
export const RELEASE_VERSION = '1.11.4';

/** Providers the Management installs (all of the simulated release's). */
const MANAGEMENT_PROVIDERS = CAPI_PROVIDERS.map(p => p.name);

function conditions(updates: ConditionUpdate[], at: number) {
  return updates.reduce(
    (list, update) => setCondition(list, update, at, 1),
    [] as ReturnType<typeof setCondition>,
  );
}

export function release(installedAt: number): KubeObject {
  return object(
    'Release',
    { name: RELEASE_NAME, labels: COMPONENT_LABEL },
    installedAt,
    {
      spec: {
        version: RELEASE_VERSION,
        kcm: { template: RELEASE_NAME },
        regional: {
          template: `kcm-regional-${RELEASE_VERSION.replace(/\./g, '-')}`,
        },
        capi: { template: 'cluster-api-1-1-15' },
        providers: CAPI_PROVIDERS.map(p => ({
          name: p.name,
          template: p.template,
        })),
      },
      status: {
        ready: true,
        conditions: conditions(
          [
            {
              type: CONDITION_TYPES.templatesCreated,
              status: 'True',
              reason: CONDITION_REASONS.succeeded,
              message: 'All templates have been created',
            },
            {
              type: CONDITION_TYPES.templatesValid,
              status: 'True',
              reason: CONDITION_REASONS.succeeded,
              message: 'All templates are valid',
            },
          ],
          installedAt + 2 * 60_000,
        ),
        observedGeneration: 1,
      },
    },
  );
}

export function management(installedAt: number): KubeObject {
  const components: Record<string, ComponentStatus> = {
    kcm: { template: RELEASE_NAME, success: true },
    capi: { template: 'cluster-api-1-1-15', success: true },
  };
  const available = new Set<string>();
  const contracts: Record<string, Record<string, string>> = {};
  for (const provider of CAPI_PROVIDERS) {
    components[provider.name] = {
      template: provider.template,
      success: true,
      exposedProviders: provider.exposes,
    };
    provider.exposes.forEach(p => {
      available.add(p);
      contracts[p] = {
        v1beta2:
          p.includes('azure') || p.includes('gcp') || p.includes('openstack')
            ? 'v1beta1'
            : 'v1beta2',
      };
    });
  }
  return object(
    'Management',
    {
      name: MANAGEMENT_NAME,
      labels: COMPONENT_LABEL,
      finalizers: ['k0rdent.mirantis.com/management'],
    },
    installedAt,
    {
      spec: {
        release: RELEASE_NAME,
        providers: MANAGEMENT_PROVIDERS.map(name => ({ name })),
      },
      status: {
        release: RELEASE_NAME,
        components,
        availableProviders: [...available].sort(),
        capiContracts: contracts,
        backupName: 'nightly',
        conditions: conditions(
          [
            {
              type: CONDITION_TYPES.ready,
              status: 'True',
              reason: CONDITION_REASONS.allComponentsHealthy,
              message: 'All components are successfully installed',
            },
          ],
          installedAt + 6 * 60_000,
        ),
        observedGeneration: 1,
      },
    },
  );
}

export function providerInterfaces(installedAt: number): KubeObject[] {
  return CAPI_PROVIDERS.filter(p => p.providerInterface).map(p =>
    object(
      'ProviderInterface',
      { name: p.name, labels: COMPONENT_LABEL },
      installedAt,
      {
        spec: {
          description: p.providerInterface!.description,
          clusterIdentities: p.providerInterface!.identities,
        },
      },
    ),
  );
}

export function stateManagementProvider(installedAt: number): KubeObject {
  const ok = (type: string, reason: string): ConditionUpdate => ({
    type,
    status: 'True',
    reason,
    message: '',
  });
  return object(
    'StateManagementProvider',
    { name: DEFAULT_STATE_MANAGEMENT_PROVIDER, labels: COMPONENT_LABEL },
    installedAt,
    {
      spec: {
        selector: {
          matchLabels: {
            [K0RDENT_LABELS.ksmAdapter]: 'kcm-controller-manager',
          },
        },
        adapter: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'kcm-controller-manager',
          namespace: SYSTEM,
          readinessRule:
            'self.status.availableReplicas == self.status.replicas',
        },
        provisioner: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'addon-controller',
            namespace: 'projectsveltos',
            readinessRule:
              'self.status.availableReplicas == self.status.replicas',
          },
        ],
        provisionerCRDs: [
          {
            group: 'config.projectsveltos.io',
            version: 'v1beta1',
            resources: ['profiles', 'clustersummaries'],
          },
        ],
        suspend: false,
      },
      status: {
        ready: true,
        conditions: conditions(
          [
            ok(CONDITION_TYPES.rbacReady, 'RBACEnsuredSuccessfully'),
            ok(CONDITION_TYPES.adapterReady, 'AdapterEnsuredSuccessfully'),
            ok(
              CONDITION_TYPES.provisionerReady,
              'ProvisionerEnsuredSuccessfully',
            ),
            ok(
              CONDITION_TYPES.provisionerCRDsReady,
              'ProvisionerCRDsEnsuredSuccessfully',
            ),
          ],
          installedAt + 5 * 60_000,
        ),
      },
    },
  );
}

export function accessManagement(
  installedAt: number,
  rules: AccessRule[],
): KubeObject {
  const kinds = new Set(
    rules.flatMap(rule => (rule.resources ?? []).map(r => r.kind)),
  );
  return object(
    'AccessManagement',
    { name: MANAGEMENT_NAME, labels: COMPONENT_LABEL },
    installedAt,
    {
      spec: { accessRules: rules },
      status: {
        current: rules,
        resources: [...kinds]
          .sort()
          .map(kind => ({ apiGroup: 'k0rdent.mirantis.com', kind })),
        observedGeneration: 1,
      },
    },
  );
}

/** A nightly Velero backup that last ran at 02:00 UTC before "now". */
export function managementBackup(installedAt: number, now: number): KubeObject {
  const last = Math.floor((now - 2 * HOUR) / DAY) * DAY + 2 * HOUR;
  const name = `nightly-${new Date(last)
    .toISOString()
    .replace(/[-:T]/g, '')
    .slice(0, 14)}`;
  return object(
    'ManagementBackup',
    { name: 'nightly', labels: COMPONENT_LABEL },
    installedAt,
    {
      spec: {
        storageLocation: 'default',
        schedule: '0 2 * * *',
        performOnManagementUpgrade: true,
      },
      status: {
        lastBackup: {
          phase: 'Completed',
          startTimestamp: toKubeTime(last),
          completionTimestamp: toKubeTime(last + 4 * 60_000 + 12_000),
          expiration: toKubeTime(last + 30 * DAY),
          errors: 0,
          warnings: 0,
          version: 1,
          formatVersion: '1.1.0',
        },
        lastBackupName: name,
        lastBackupTime: toKubeTime(last),
        nextAttempt: toKubeTime(last + DAY),
      },
    },
  );
}
