/*
 * A K0rdentApi fake for the action tests: records what was sent, answers like
 * the backend does (one request per idempotency key, the manifest on dry run)
 * and plays back a scripted list of cluster states for the waits.
 */
import type {
  ClusterDetails,
  DesiredStateRequest,
  DesiredStateStatus,
  KubeObject,
  WriteResult,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { K0rdentApi, K0rdentCallOptions } from '../K0rdentApiClient';

export interface SentCall {
  method: keyof K0rdentApi;
  args: unknown[];
  options: K0rdentCallOptions;
}

export class FakeK0rdentApi implements K0rdentApi {
  readonly calls: SentCall[] = [];
  readonly #requests = new Map<string, DesiredStateRequest>();
  /** Cluster states returned by successive getCluster calls; the last repeats. */
  clusterStates: Array<ClusterDetails | undefined> = [];
  /** Request statuses returned by successive getRequest calls; the last repeats. */
  requestStatuses: DesiredStateStatus[] = ['ready'];
  #clusterPolls = 0;
  #requestPolls = 0;

  get writes(): SentCall[] {
    return this.calls.filter(
      c => c.method !== 'getCluster' && c.method !== 'getRequest',
    );
  }

  #write(
    method: keyof K0rdentApi,
    args: unknown[],
    options: K0rdentCallOptions,
  ): Promise<WriteResult> {
    this.calls.push({ method, args, options });
    const body = args[args.length - 1] as {
      idempotencyKey?: string;
      taskId?: string;
    };
    const manifest: KubeObject = {
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      metadata: { name: 'from-fake' },
      spec: { method },
    };
    if (options.dryRun) {
      return Promise.resolve({ dryRun: true, manifest });
    }
    const key = body.idempotencyKey ?? `anon-${this.calls.length}`;
    let request = this.#requests.get(key);
    if (!request) {
      request = {
        id: `req-${this.#requests.size + 1}`,
        action: 'create',
        target: {
          managementCluster: 'demo',
          kind: 'ClusterDeployment',
          name: 'from-fake',
        },
        status: 'pending',
        requestedBy: 'user:default/alice',
        requestedAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
        taskId: body.taskId,
        idempotencyKey: body.idempotencyKey,
        manifest,
        attempts: 0,
        history: [],
      };
      this.#requests.set(key, request);
    }
    return Promise.resolve({ dryRun: false, request });
  }

  createCluster(...args: Parameters<K0rdentApi['createCluster']>) {
    return this.#write('createCluster', [args[0]], args[1]);
  }
  upgradeCluster(...args: Parameters<K0rdentApi['upgradeCluster']>) {
    return this.#write('upgradeCluster', [args[0], args[1]], args[2]);
  }
  updateClusterServices(
    ...args: Parameters<K0rdentApi['updateClusterServices']>
  ) {
    return this.#write('updateClusterServices', [args[0], args[1]], args[2]);
  }
  deleteCluster(...args: Parameters<K0rdentApi['deleteCluster']>) {
    return this.#write('deleteCluster', [args[0], args[1]], args[2]);
  }
  applyMultiClusterService(
    ...args: Parameters<K0rdentApi['applyMultiClusterService']>
  ) {
    return this.#write('applyMultiClusterService', [args[0]], args[1]);
  }

  async getRequest(id: string, options: K0rdentCallOptions) {
    this.calls.push({ method: 'getRequest', args: [id], options });
    const request = [...this.#requests.values()].find(r => r.id === id);
    if (!request) {
      throw new Error(`no request ${id}`);
    }
    const statuses = this.requestStatuses;
    const status =
      statuses[Math.min(this.#requestPolls++, statuses.length - 1)];
    return {
      ...request,
      status,
      reason: status === 'failed' ? 'boom' : undefined,
    };
  }

  async getCluster(
    ...args: Parameters<K0rdentApi['getCluster']>
  ): Promise<ClusterDetails | undefined> {
    this.calls.push({
      method: 'getCluster',
      args: [args[0]],
      options: args[1],
    });
    const states = this.clusterStates;
    return states[Math.min(this.#clusterPolls++, states.length - 1)];
  }
}

/** A ClusterDetails with the given status and conditions. */
export function clusterState(
  status: ClusterDetails['status'],
  conditions: Array<
    [type: string, status: string, reason: string, message: string]
  >,
): ClusterDetails {
  return {
    managementCluster: 'demo',
    namespace: 'team-a',
    name: 'prod-eu',
    entityRef: 'resource:default/demo_clusterd_team-a_prod-eu',
    owner: 'user:default/alice',
    tenant: 'PLATFORM',
    status,
    phase: status === 'Stale' ? 'Provisioning' : status,
    template: 'aws-standalone-cp-1-0-14',
    availableUpgrades: [],
    labels: {},
    conditions: conditions.map(([type, s, reason, message]) => ({
      type,
      status: s as 'True' | 'False' | 'Unknown',
      reason,
      message,
      lastTransitionTime: '2026-01-01T00:00:00Z',
    })),
    serviceStates: [],
    serviceSpec: [],
    upgrades: [],
    events: [],
    stale: false,
    regions: [],
  };
}
