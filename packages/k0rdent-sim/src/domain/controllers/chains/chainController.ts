/*
 * Template chains: validates ClusterTemplateChains and ServiceTemplateChains, and keeps
 * each ClusterDeployment's `availableUpgrades` and `servicesUpgradePaths` in line with
 * the chains of its namespace (recomputed when chains or the CD's spec change).
 */
import type {
  ClusterDeployment,
  ClusterDeploymentStatus,
  ClusterTemplateChain,
  ServiceTemplate,
  TemplateChainSpec,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { StoreEvent } from '../../../store/types';
import { deepEqual, typed } from '../../kube/objects';
import { desiredServices } from '../clusterDeployment/ownServices';
import { hasComponentLabel, withComponentLabel } from '../componentLabel';
import {
  QueueController,
  objectKeyString,
  parseKeyString,
} from '../queueController';
import {
  availableUpgradesOf,
  evaluateChain,
  servicesUpgradePathsOf,
} from './upgradePaths';

const CHAIN_KINDS = ['ClusterTemplateChain', 'ServiceTemplateChain'];

type Chain = { metadata: { name: string }; spec?: TemplateChainSpec };

/** The chain-derived part of a ClusterDeployment status. */
export function upgradeStatusOf(
  cd: ClusterDeployment,
  clusterChains: readonly Chain[],
  serviceChains: readonly Chain[],
  serviceTemplate: (name: string) => ServiceTemplate | undefined,
): Pick<ClusterDeploymentStatus, 'availableUpgrades' | 'servicesUpgradePaths'> {
  const upgrades = availableUpgradesOf(cd.spec?.template ?? '', clusterChains);
  const paths = servicesUpgradePathsOf(
    desiredServices(cd),
    serviceChains,
    serviceTemplate,
  );
  return {
    ...(upgrades.length > 0 ? { availableUpgrades: upgrades } : {}),
    ...(paths.length > 0 ? { servicesUpgradePaths: paths } : {}),
  };
}

export class ChainController extends QueueController {
  readonly name = 'templatechain-controller';
  private readonly chains = new Map<string, ClusterTemplateChain[]>();

  protected onStop(): void {
    this.chains.clear();
  }

  protected onEvent(event: StoreEvent): void {
    const { object, previous } = event;
    const key = objectKeyString(
      object.metadata.namespace,
      object.metadata.name,
    );
    if (CHAIN_KINDS.includes(object.kind)) {
      this.chains.delete(`${object.kind}/${object.metadata.namespace}`);
      if (event.type !== 'DELETED') this.queue.add(`${object.kind}:${key}`);
      this.enqueueClustersIn(object.metadata.namespace);
      return;
    }
    if (object.kind === 'ClusterDeployment' && event.type !== 'DELETED') {
      const specChanged =
        !previous ||
        !deepEqual(
          (previous.spec as Record<string, unknown> | undefined)?.template,
          (object.spec as Record<string, unknown> | undefined)?.template,
        ) ||
        !deepEqual(
          (previous.spec as Record<string, unknown> | undefined)?.serviceSpec,
          (object.spec as Record<string, unknown> | undefined)?.serviceSpec,
        );
      if (specChanged) this.queue.add(`ClusterDeployment:${key}`);
    }
  }

  protected resync(): void {
    for (const kind of [...CHAIN_KINDS, 'ClusterDeployment']) {
      for (const object of this.store.list(kind)) {
        this.queue.add(
          `${kind}:${objectKeyString(
            object.metadata.namespace,
            object.metadata.name,
          )}`,
        );
      }
    }
  }

  private enqueueClustersIn(namespace: string | undefined): void {
    for (const cd of this.store.list('ClusterDeployment', { namespace })) {
      this.queue.add(
        `ClusterDeployment:${objectKeyString(
          cd.metadata.namespace,
          cd.metadata.name,
        )}`,
      );
    }
  }

  protected reconcile(key: string): void {
    const colon = key.indexOf(':');
    const kind = key.slice(0, colon);
    const { namespace, name } = parseKeyString(key.slice(colon + 1));
    if (kind === 'ClusterDeployment') {
      this.reconcileCluster(namespace, name);
    } else {
      this.reconcileChain(kind, namespace, name);
    }
  }

  private reconcileChain(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): void {
    const chain = this.store.get({ kind, namespace, name });
    if (!chain) return;
    if (!hasComponentLabel(chain)) {
      this.store.update(withComponentLabel(chain));
      return;
    }
    const status = evaluateChain(typed<ClusterTemplateChain>(chain).spec);
    if (!deepEqual(chain.status, status)) {
      this.store.updateStatus({ kind, namespace, name }, () => ({ ...status }));
    }
  }

  /** Chains of a namespace, remembered until one of them changes. */
  private chainsIn(
    kind: string,
    namespace: string | undefined,
  ): ClusterTemplateChain[] {
    const key = `${kind}/${namespace}`;
    let chains = this.chains.get(key);
    if (!chains) {
      chains = this.store
        .list(kind, { namespace })
        .map(c => typed<ClusterTemplateChain>(c));
      this.chains.set(key, chains);
    }
    return chains;
  }

  private reconcileCluster(namespace: string | undefined, name: string): void {
    const object = this.store.get({
      kind: 'ClusterDeployment',
      namespace,
      name,
    });
    if (!object || object.metadata.deletionTimestamp) return;
    const cd = typed<ClusterDeployment>(object);
    const clusterChains = this.chainsIn('ClusterTemplateChain', namespace);
    const serviceChains = this.chainsIn('ServiceTemplateChain', namespace);
    const serviceTemplate = (templateName: string) => {
      const found = this.store.get({
        kind: 'ServiceTemplate',
        namespace,
        name: templateName,
      });
      return found ? typed<ServiceTemplate>(found) : undefined;
    };
    const wanted = upgradeStatusOf(
      cd,
      clusterChains,
      serviceChains,
      serviceTemplate,
    );
    const current = {
      availableUpgrades: cd.status?.availableUpgrades,
      servicesUpgradePaths: cd.status?.servicesUpgradePaths,
    };
    if (deepEqual(current, wanted)) return;
    this.store.updateStatus(
      { kind: 'ClusterDeployment', namespace, name },
      status => {
        const {
          availableUpgrades: _a,
          servicesUpgradePaths: _p,
          ...rest
        } = status;
        return { ...rest, ...wanted };
      },
    );
  }
}
