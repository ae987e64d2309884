/*
 * The part every seed shares: namespaces, the management objects, and (unless empty)
 * the shipped templates, credentials and what AccessManagement copied from them into
 * the team namespaces.
 */
import {
  KCM_SYSTEM_NAMESPACE,
  KOF_NAMESPACE,
  type AccessRule,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';
import { accessCopies } from './accessCopies';
import {
  CREDENTIALS,
  credentialObject,
  identitySecret,
} from './credentialObjects';
import { TEAM_NAMESPACES } from './demoFleet';
import {
  accessManagement,
  management,
  managementBackup,
  providerInterfaces,
  release,
  stateManagementProvider,
} from './managementObjects';
import { namespace } from './objectBuilders';
import { DAY, MINUTE } from './seedTime';
import {
  SERVICE_CHAINS,
  clusterTemplateChains,
  systemTemplates,
} from './templateObjects';

/** Credentials each team namespace receives. */
export const TEAM_CREDENTIALS: Record<
  (typeof TEAM_NAMESPACES)[number],
  string[]
> = {
  'team-payments': ['aws-payments-cred', 'azure-payments-cred'],
  'team-data': ['aws-data-cred', 'gcp-data-cred', 'azure-aks-data-cred'],
  'team-ml': ['aws-ml-cred', 'gcp-ml-cred', 'azure-ml-cred'],
  'team-platform': ['aws-cred', 'gcp-cred', 'azure-cred'],
};

export function accessRules(installedAt: number): AccessRule[] {
  return [
    {
      targetNamespaces: { list: [...TEAM_NAMESPACES] },
      resources: [
        {
          kind: 'ClusterTemplateChain',
          names: clusterTemplateChains(installedAt).map(c => c.metadata.name),
        },
        {
          kind: 'ServiceTemplateChain',
          names: [
            SERVICE_CHAINS.ingressNginx,
            SERVICE_CHAINS.certManager,
            SERVICE_CHAINS.kyverno,
            SERVICE_CHAINS.externalDns,
            SERVICE_CHAINS.kofOperators,
            SERVICE_CHAINS.kofCollectors,
          ],
        },
      ],
    },
    ...TEAM_NAMESPACES.map(team => ({
      targetNamespaces: { list: [team] },
      resources: [{ kind: 'Credential', names: TEAM_CREDENTIALS[team] }],
    })),
  ];
}

export interface PlatformTimes {
  /** When k0rdent was installed. */
  installedAt: number;
  now: number;
}

/** Namespaces and management objects only: a freshly installed, empty k0rdent. */
export function managementBase(
  { installedAt, now }: PlatformTimes,
  withTeams: boolean,
  rules: AccessRule[],
): KubeObject[] {
  return [
    namespace(KCM_SYSTEM_NAMESPACE, installedAt),
    namespace(KOF_NAMESPACE, installedAt + 20 * MINUTE),
    ...(withTeams
      ? TEAM_NAMESPACES.map(team =>
          namespace(team, installedAt + DAY, {
            team: team.replace(/^team-/, ''),
          }),
        )
      : []),
    release(installedAt),
    management(installedAt),
    ...providerInterfaces(installedAt),
    stateManagementProvider(installedAt),
    accessManagement(installedAt + DAY, rules),
    managementBackup(installedAt + DAY, now),
  ];
}

/** Templates, credentials and their copies (statuses of Credentials are settled later). */
export function platformContent(
  { installedAt }: PlatformTimes,
  rules: AccessRule[],
): KubeObject[] {
  const system = [
    ...systemTemplates(installedAt + 10 * MINUTE, installedAt + 5 * MINUTE),
    ...CREDENTIALS.flatMap(seed => {
      const createdAt = installedAt + DAY;
      const secret = identitySecret(
        seed,
        KCM_SYSTEM_NAMESPACE,
        createdAt - MINUTE,
      );
      return [
        ...(secret ? [secret] : []),
        credentialObject(seed, KCM_SYSTEM_NAMESPACE, createdAt),
      ];
    }),
  ];
  return [
    ...system,
    ...accessCopies(system, rules, installedAt + DAY + 5 * MINUTE),
  ];
}
