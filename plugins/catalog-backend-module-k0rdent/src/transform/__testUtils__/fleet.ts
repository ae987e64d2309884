/*
 * Test helpers: an in-memory FleetSnapshot, object builders, a config and an
 * entity validator that applies the catalog's own policies and kind schemas.
 */
import {
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  type Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  KubernetesValidatorFunctions,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import type {
  ClusterDeployment,
  ClusterTemplate,
  Credential,
  K0rdentObject,
  MultiClusterService,
  Region,
  ServiceTemplate,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  INGESTIBLE_KINDS,
  type K0rdentCatalogConfig,
} from '../../config/readK0rdentCatalogConfig';
import type { FleetSnapshot } from '../snapshot';

const API_VERSION = 'k0rdent.mirantis.com/v1beta1';
const CLUSTER_SCOPED = new Set(['MultiClusterService', 'Region', 'Management']);

/** An in-memory snapshot over a list of objects. */
export function testSnapshot(
  objects: K0rdentObject[],
  options: { name?: string; title?: string; staleSince?: Date } = {},
): FleetSnapshot {
  const keyOf = (kind: string, namespace: string | undefined, name: string) =>
    `${kind}/${CLUSTER_SCOPED.has(kind) ? '' : namespace ?? ''}/${name}`;
  const byKey = new Map(
    objects.map(o => [keyOf(o.kind, o.metadata.namespace, o.metadata.name), o]),
  );
  return {
    managementCluster: { name: options.name ?? 'mgmt', title: options.title },
    list: kind => objects.filter(o => o.kind === kind),
    get: (kind, namespace, name) => byKey.get(keyOf(kind, namespace, name)),
    ...(options.staleSince ? { stale: { since: options.staleSince } } : {}),
  };
}

/** The module config with every kind and a few ownership rules. */
export function testConfig(
  overrides: Partial<K0rdentCatalogConfig> = {},
): K0rdentCatalogConfig {
  return {
    schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
    kinds: new Set(INGESTIBLE_KINDS),
    ownership: {
      annotation: 'backstage.k0rdent.io/owner',
      tenants: new Map([['team-a', 'group:default/team-a']]),
      namespaces: new Map([
        ['kcm-system', 'group:default/platform'],
        ['team-b', 'group:default/team-b'],
      ]),
      default: 'group:default/everyone',
    },
    systemNamespace: 'kcm-system',
    lifecycle: 'production',
    ...overrides,
  };
}

export { testCondition as condition } from '@k0rdent-backstage/plugin-k0rdent-common/testUtils';

type Meta = Partial<K0rdentObject['metadata']>;

export function clusterDeployment(
  name: string,
  overrides: {
    metadata?: Meta;
    spec?: Partial<NonNullable<ClusterDeployment['spec']>>;
    status?: ClusterDeployment['status'];
  } = {},
): ClusterDeployment {
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterDeployment',
    metadata: { name, namespace: 'kcm-system', ...overrides.metadata },
    spec: {
      template: 'aws-standalone-cp-1-0-43',
      credential: 'aws-cred',
      ...overrides.spec,
    },
    ...(overrides.status ? { status: overrides.status } : {}),
  };
}

export function clusterTemplate(
  name: string,
  overrides: {
    metadata?: Meta;
    spec?: Partial<NonNullable<ClusterTemplate['spec']>>;
    status?: ClusterTemplate['status'];
  } = {},
): ClusterTemplate {
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterTemplate',
    metadata: { name, namespace: 'kcm-system', ...overrides.metadata },
    spec: {
      helm: {
        chartSpec: {
          chart: name,
          sourceRef: { kind: 'HelmRepository', name: 'kcm-templates' },
        },
      },
      ...overrides.spec,
    },
    ...(overrides.status ? { status: overrides.status } : {}),
  };
}

export function serviceTemplate(
  name: string,
  overrides: { metadata?: Meta; status?: ServiceTemplate['status'] } = {},
): ServiceTemplate {
  return {
    apiVersion: API_VERSION,
    kind: 'ServiceTemplate',
    metadata: { name, namespace: 'kcm-system', ...overrides.metadata },
    spec: {
      helm: {
        chartSpec: {
          chart: name,
          sourceRef: { kind: 'HelmRepository', name: 'k0rdent-catalog' },
        },
      },
    },
    ...(overrides.status ? { status: overrides.status } : {}),
  };
}

export function credential(
  name: string,
  overrides: {
    metadata?: Meta;
    spec?: Partial<NonNullable<Credential['spec']>>;
    status?: Credential['status'];
  } = {},
): Credential {
  return {
    apiVersion: API_VERSION,
    kind: 'Credential',
    metadata: { name, namespace: 'kcm-system', ...overrides.metadata },
    spec: {
      identityRef: {
        apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
        kind: 'AWSClusterStaticIdentity',
        name: `${name}-identity`,
      },
      ...overrides.spec,
    },
    ...(overrides.status ? { status: overrides.status } : {}),
  };
}

export function multiClusterService(
  name: string,
  overrides: {
    metadata?: Meta;
    spec?: MultiClusterService['spec'];
    status?: MultiClusterService['status'];
  } = {},
): MultiClusterService {
  return {
    apiVersion: API_VERSION,
    kind: 'MultiClusterService',
    metadata: { name, ...overrides.metadata },
    spec: overrides.spec ?? {},
    ...(overrides.status ? { status: overrides.status } : {}),
  };
}

export function region(
  name: string,
  overrides: {
    metadata?: Meta;
    spec?: Region['spec'];
    status?: Region['status'];
  } = {},
): Region {
  return {
    apiVersion: API_VERSION,
    kind: 'Region',
    metadata: { name, ...overrides.metadata },
    spec: overrides.spec ?? {
      kubeConfig: { name: `${name}-kubeconfig`, key: 'value' },
    },
    ...(overrides.status ? { status: overrides.status } : {}),
  };
}

const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

const KIND_VALIDATORS = {
  Resource: resourceEntityV1alpha1Validator,
  System: systemEntityV1alpha1Validator,
  Domain: domainEntityV1alpha1Validator,
} as const;

function checkRef(ref: unknown, where: string, defaultKind?: string): void {
  if (typeof ref !== 'string') {
    throw new Error(`${where}: not a string: ${JSON.stringify(ref)}`);
  }
  const parsed = parseEntityRef(ref, { defaultKind });
  if (
    !KubernetesValidatorFunctions.isValidKind(parsed.kind) ||
    !KubernetesValidatorFunctions.isValidNamespace(parsed.namespace) ||
    !KubernetesValidatorFunctions.isValidObjectName(parsed.name) ||
    ref !== `${parsed.kind}:${parsed.namespace}/${parsed.name}`
  ) {
    throw new Error(`${where}: not a full, valid entity ref: ${ref}`);
  }
}

/**
 * Throws unless the entity passes the catalog's entity policies and its kind's
 * schema, and every ref in its spec is a full, valid entity ref.
 */
export async function expectValidEntity(entity: Entity): Promise<void> {
  const checked = await policy.enforce(entity);
  if (!checked) {
    throw new Error(`Entity rejected: ${JSON.stringify(entity)}`);
  }
  const validator =
    KIND_VALIDATORS[entity.kind as keyof typeof KIND_VALIDATORS];
  if (!validator) {
    throw new Error(`Unexpected kind ${entity.kind}`);
  }
  if ((await validator.check(entity)) !== true) {
    throw new Error(`Kind validator rejected ${entity.metadata.name}`);
  }
  const spec = entity.spec as Record<string, unknown>;
  const where = `${entity.kind} ${entity.metadata.name}`;
  checkRef(spec.owner, `${where} spec.owner`);
  for (const field of ['system', 'domain']) {
    if (spec[field] !== undefined) {
      checkRef(spec[field], `${where} spec.${field}`);
    }
  }
  for (const ref of (spec.dependsOn as unknown[] | undefined) ?? []) {
    checkRef(ref, `${where} spec.dependsOn`);
  }
}
