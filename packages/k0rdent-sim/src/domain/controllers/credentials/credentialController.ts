/*
 * KCM's Credential controller, simulated: a Credential is ready when its cluster
 * identity exists. Only Secret identities can be checked here (CAPI identity kinds are
 * not served by the simulator), so other kinds count as present unless a seeded status
 * already says they are missing. A Region named by `spec.region` must exist too.
 */
import {
  CONDITION_REASONS,
  CONDITION_TYPES,
  getCondition,
  type Credential,
  type CredentialStatus,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { StoreEvent } from '../../../store/types';
import { setCondition } from '../../kube/conditions';
import { deepEqual, notFoundMessage, typed } from '../../kube/objects';
import { hasComponentLabel, withComponentLabel } from '../componentLabel';
import {
  QueueController,
  objectKeyString,
  parseKeyString,
} from '../queueController';

const MISSING_IDENTITY = 'ClusterIdentity object of Kind=';

/** Why the Credential is not ready, or undefined when it is. */
export function credentialProblem(
  credential: Credential,
  secretExists: (namespace: string, name: string) => boolean,
  regionExists: (name: string) => boolean,
): string | undefined {
  const identity = credential.spec?.identityRef ?? {};
  const namespace = identity.namespace ?? credential.metadata.namespace ?? '';
  const missing = `${MISSING_IDENTITY}${identity.kind ?? ''} ${namespace}/${
    identity.name ?? ''
  } not found`;
  if (identity.kind === 'Secret') {
    if (!secretExists(namespace, identity.name ?? '')) return missing;
  } else if (
    getCondition(
      credential,
      CONDITION_TYPES.credentialReady,
    )?.message.startsWith(MISSING_IDENTITY)
  ) {
    return getCondition(credential, CONDITION_TYPES.credentialReady)?.message;
  }
  const region = credential.spec?.region;
  if (region && !regionExists(region)) {
    return `failed to get Region ${region}: ${notFoundMessage(
      'Region',
      region,
    )}`;
  }
  return undefined;
}

export function credentialStatus(
  credential: Credential,
  problem: string | undefined,
  now: number,
): CredentialStatus {
  const conditions = setCondition(
    credential.status?.conditions,
    problem
      ? {
          type: CONDITION_TYPES.credentialReady,
          status: 'False',
          reason: CONDITION_REASONS.failed,
          message: problem,
        }
      : {
          type: CONDITION_TYPES.credentialReady,
          status: 'True',
          reason: CONDITION_REASONS.succeeded,
          message: 'Credential is ready',
        },
    now,
    credential.metadata.generation ?? 1,
  );
  return { ...credential.status, ready: !problem, conditions };
}

export class CredentialController extends QueueController {
  readonly name = 'credential-controller';

  protected onEvent(event: StoreEvent): void {
    const { object } = event;
    if (object.kind === 'Credential' && event.type !== 'DELETED') {
      this.queue.add(
        objectKeyString(object.metadata.namespace, object.metadata.name),
      );
    } else if (object.kind === 'Secret' && event.type !== 'MODIFIED') {
      this.enqueueWhere(c => {
        const identity = c.spec?.identityRef;
        return (
          identity?.kind === 'Secret' &&
          identity.name === object.metadata.name &&
          (identity.namespace ?? c.metadata.namespace) ===
            object.metadata.namespace
        );
      });
    } else if (object.kind === 'Region' && event.type !== 'MODIFIED') {
      this.enqueueWhere(c => c.spec?.region === object.metadata.name);
    }
  }

  private enqueueWhere(concerned: (credential: Credential) => boolean): void {
    for (const item of this.store.list('Credential')) {
      if (concerned(typed<Credential>(item))) {
        this.queue.add(
          objectKeyString(item.metadata.namespace, item.metadata.name),
        );
      }
    }
  }

  protected resync(): void {
    for (const credential of this.store.list('Credential')) {
      this.queue.add(
        objectKeyString(
          credential.metadata.namespace,
          credential.metadata.name,
        ),
      );
    }
  }

  protected reconcile(key: string): void {
    const { namespace, name } = parseKeyString(key);
    const object = this.store.get({ kind: 'Credential', namespace, name });
    if (!object || object.metadata.deletionTimestamp) return;
    if (!hasComponentLabel(object)) {
      this.store.update(withComponentLabel(object));
      return;
    }
    const credential = typed<Credential>(object);
    const problem = credentialProblem(
      credential,
      (ns, secret) =>
        Boolean(
          this.store.get({ kind: 'Secret', namespace: ns, name: secret }),
        ),
      region => Boolean(this.store.get({ kind: 'Region', name: region })),
    );
    const status = credentialStatus(credential, problem, this.now);
    if (!deepEqual(credential.status, status)) {
      this.store.updateStatus({ kind: 'Credential', namespace, name }, () => ({
        ...status,
      }));
    }
  }
}
