/*
 * Waiting for a cluster after a write, so the person watching the task sees
 * what k0rdent is doing: every change of the request's status, the cluster's
 * status and each condition is logged as it happens, and the step fails with
 * the cluster's own message when it fails, or when time runs out.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ClusterDetails } from '@k0rdent-backstage/plugin-k0rdent-common';
import { setTimeout as delay } from 'node:timers/promises';
import type { K0rdentApi, K0rdentClusterRef } from '../K0rdentApiClient';
import { entityUrlOf, objectRefOf } from './util';

/**
 * How the actions poll; replaceable in tests.
 *
 * @public
 */
export interface PollingOptions {
  /** Time between two polls; 5 seconds by default. */
  pollIntervalMs?: number;
  /** Waits; rejects when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The current time in milliseconds. */
  now?: () => number;
}

export interface WaitForClusterOptions extends PollingOptions {
  client: K0rdentApi;
  credentials: BackstageCredentials;
  ref: K0rdentClusterRef;
  /** The request whose outcome is awaited. */
  requestId: string;
  /** `ready`: the request is ready and the cluster Ready; `gone`: the cluster no longer exists. */
  until: 'ready' | 'gone';
  timeoutMinutes: number;
  logger: LoggerService;
  signal?: AbortSignal;
}

const DEFAULT_POLL_INTERVAL_MS = 5000;

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal });
}

function readyMessage(cluster: ClusterDetails): string {
  const ready = cluster.conditions.find(c => c.type === 'Ready');
  return cluster.message ?? ready?.message ?? 'no message';
}

/**
 * Polls the request and the cluster until the cluster reached the asked-for
 * state; returns the cluster when it is Ready (or `undefined` once it is gone).
 */
export async function waitForCluster(
  options: WaitForClusterOptions,
): Promise<ClusterDetails | undefined> {
  const { client, credentials, ref, requestId, until, logger, signal } =
    options;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const interval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadline = now() + options.timeoutMinutes * 60_000;
  const target = objectRefOf(ref);
  const goal = until === 'ready' ? 'to be Ready' : 'to be deleted';
  const call = { credentials, signal };

  logger.info(
    `Waiting up to ${options.timeoutMinutes} minutes for cluster ${target} ${goal}`,
  );
  let requestStatus: string | undefined;
  let clusterStatus: string | undefined;
  const conditions = new Map<string, string>();

  for (;;) {
    signal?.throwIfAborted();

    const request = await client.getRequest(requestId, call);
    if (request.status !== requestStatus) {
      requestStatus = request.status;
      logger.info(`Request ${requestId} is ${request.status}`);
    }
    if (request.status === 'failed' || request.status === 'superseded') {
      throw new Error(
        `Request ${requestId} for cluster ${target} ${request.status}: ${
          request.reason ?? 'no reason given'
        }`,
      );
    }

    const cluster = await client.getCluster(ref, call);
    if (!cluster) {
      if (until === 'gone') {
        logger.info(`Cluster ${target} is gone`);
        return undefined;
      }
      if (clusterStatus !== 'absent') {
        clusterStatus = 'absent';
        logger.info(`Cluster ${target} is not visible yet`);
      }
    } else {
      if (cluster.status !== clusterStatus) {
        clusterStatus = cluster.status;
        logger.info(`Cluster ${target} is ${cluster.status}`);
      }
      for (const c of cluster.conditions) {
        const state = `${c.status}|${c.reason}|${c.message}`;
        if (conditions.get(c.type) !== state) {
          conditions.set(c.type, state);
          logger.info(
            `Condition ${c.type}: ${c.status}${
              c.reason ? ` (${c.reason})` : ''
            }${c.message ? ` ${c.message}` : ''}`,
          );
        }
      }
      if (until === 'ready') {
        if (cluster.status === 'Failed') {
          throw new Error(`Cluster ${target} failed: ${readyMessage(cluster)}`);
        }
        if (cluster.status === 'Ready' && request.status === 'ready') {
          logger.info(`Cluster ${target} is Ready`);
          return cluster;
        }
      }
    }

    if (now() >= deadline) {
      throw new Error(
        `Timed out after ${options.timeoutMinutes} minutes waiting for cluster ${target} ${goal} (request ${requestStatus}, cluster ${clusterStatus})`,
      );
    }
    await sleep(interval, signal);
  }
}

/**
 * Waits until the cluster is Ready and outputs its catalog entity
 * (`entityRef`, `entityUrl`): the end of the create and upgrade actions.
 */
export async function waitUntilReadyAndOutputEntity(
  ctx: {
    output(name: 'entityRef' | 'entityUrl', value: string): void;
  },
  options: Omit<WaitForClusterOptions, 'until'>,
): Promise<void> {
  const details = await waitForCluster({ ...options, until: 'ready' });
  if (details) {
    ctx.output('entityRef', details.entityRef);
    ctx.output('entityUrl', entityUrlOf(details.entityRef));
  }
}
