import { KINDS, apiVersionOf } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../store/types';
import { UNKNOWN_FIELD_REASON } from './fieldErrors';
import {
  getSchema,
  listDefinitions,
  prepareWrite,
  validateObject,
} from './resources';

const K0 = 'k0rdent.mirantis.com/v1beta1';

function clusterDeployment(spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: K0,
    kind: 'ClusterDeployment',
    metadata: { name: 'team-a-aws-dev', namespace: 'kcm-system' },
    spec,
  };
}

function clusterTemplate(version: string): KubeObject {
  return {
    apiVersion: K0,
    kind: 'ClusterTemplate',
    metadata: { name: 'aws-standalone-cp-1-0-43', namespace: 'kcm-system' },
    spec: {
      helm: {
        chartSpec: {
          chart: 'aws-standalone-cp',
          version,
          interval: '10m0s',
          sourceRef: { kind: 'HelmRepository', name: 'kcm-templates' },
        },
      },
    },
  };
}

describe('definitions', () => {
  it('has a definition for every kind of the registry, matching it', () => {
    for (const info of Object.values(KINDS)) {
      const definition = getSchema(info.kind);
      expect(definition).toBeDefined();
      expect({
        apiVersion: definition!.group
          ? `${definition!.group}/${definition!.version}`
          : definition!.version,
        plural: definition!.names.plural,
        namespaced: definition!.scope === 'Namespaced',
        hasStatus: !!definition!.subresources?.status,
      }).toEqual({
        apiVersion: apiVersionOf(info),
        plural: info.plural,
        namespaced: info.namespaced,
        hasStatus: info.hasStatus,
      });
    }
    expect(listDefinitions()).toHaveLength(Object.keys(KINDS).length);
  });

  it('returns undefined for kinds it does not serve', () => {
    expect(getSchema('HelmRepository')).toBeUndefined();
  });

  it('keeps no descriptions in the schemas', () => {
    const hasDescription = (node: unknown): boolean =>
      !!node &&
      typeof node === 'object' &&
      (typeof (node as { description?: unknown }).description === 'string' ||
        Object.values(
          (node as { properties?: Record<string, unknown> }).properties ?? {},
        ).some(hasDescription) ||
        hasDescription((node as { items?: unknown }).items));
    expect(
      listDefinitions()
        .filter(d => hasDescription(d.schema))
        .map(d => d.names.kind),
    ).toEqual([]);
  });
});

describe('validateObject', () => {
  it('accepts a valid ClusterDeployment', () => {
    expect(
      validateObject(
        'ClusterDeployment',
        clusterDeployment({
          template: 'aws-standalone-cp-1-0-43',
          credential: 'aws-team-a-cred',
          config: { region: 'us-west-2', workersNumber: 2 },
          serviceSpec: {
            services: [
              {
                name: 'cert-manager',
                namespace: 'cert-manager',
                template: 'cert-manager-1-21-1',
              },
            ],
          },
        }),
      ),
    ).toEqual([]);
  });

  it('reports a missing required field, a bad enum and a bad bound', () => {
    expect(
      validateObject(
        'ClusterDeployment',
        clusterDeployment({
          serviceSpec: { syncMode: 'Sometimes', priority: 0 },
        }),
      ).map(c => [c.field, c.reason]),
    ).toEqual([
      ['spec.serviceSpec.syncMode', 'FieldValueNotSupported'],
      ['spec.serviceSpec.priority', 'FieldValueInvalid'],
      ['spec.template', 'FieldValueRequired'],
      ['<nil>', 'FieldValueInvalid'],
    ]);
  });

  it('finds duplicate services once the namespace default is applied', () => {
    expect(
      validateObject(
        'ClusterDeployment',
        clusterDeployment({
          template: 't',
          serviceSpec: {
            services: [
              { name: 'ingress-nginx', template: 'a' },
              { name: 'ingress-nginx', namespace: 'default', template: 'b' },
            ],
          },
        }),
      ),
    ).toEqual([
      {
        reason: 'FieldValueDuplicate',
        message:
          'Duplicate value: {"name":"ingress-nginx","namespace":"default"}',
        field: 'spec.serviceSpec.services[1]',
      },
    ]);
  });

  it('reports unknown fields only when strict', () => {
    const object = clusterDeployment({ template: 't', tempalte: 'typo' });
    expect(validateObject('ClusterDeployment', object)).toEqual([]);
    expect(
      validateObject('ClusterDeployment', object, undefined, { strict: true }),
    ).toEqual([
      {
        reason: UNKNOWN_FIELD_REASON,
        message: 'unknown field "spec.tempalte"',
        field: 'spec.tempalte',
      },
    ]);
  });

  it('knows metadata fields, so they are not unknown', () => {
    const object = clusterDeployment({ template: 't' });
    object.metadata = {
      ...object.metadata,
      uid: 'u',
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '2026-08-21T10:00:00Z',
      labels: { env: 'dev' },
      managedFields: [
        { manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': {} } },
      ],
    };
    expect(
      validateObject('ClusterDeployment', object, undefined, { strict: true }),
    ).toEqual([]);
    object.metadata.bogus = true;
    expect(
      validateObject('ClusterDeployment', object, undefined, { strict: true }),
    ).toEqual([expect.objectContaining({ field: 'metadata.bogus' })]);
  });

  it('checks apiVersion and kind before anything else', () => {
    const object = {
      ...clusterDeployment({}),
      apiVersion: 'k0rdent.mirantis.com/v1alpha1',
    };
    expect(validateObject('ClusterDeployment', object)).toEqual([
      {
        reason: 'FieldValueInvalid',
        message:
          'Invalid value: "k0rdent.mirantis.com/v1alpha1": must be k0rdent.mirantis.com/v1beta1',
        field: 'apiVersion',
      },
    ]);
    expect(
      validateObject('Region', {
        ...clusterDeployment({}),
        kind: 'Regions',
      } as KubeObject)[0],
    ).toEqual({
      reason: 'FieldValueInvalid',
      message: 'Invalid value: "Regions": must be Region',
      field: 'kind',
    });
  });

  it('enforces scope: cluster-scoped kinds take no namespace', () => {
    const region: KubeObject = {
      apiVersion: K0,
      kind: 'Region',
      metadata: { name: 'eu-region', namespace: 'kcm-system' },
      spec: { kubeConfig: { name: 'eu-kubeconfig', key: 'value' } },
    };
    expect(validateObject('Region', region)).toEqual([
      {
        reason: 'FieldValueForbidden',
        message: 'Forbidden: not allowed on this type',
        field: 'metadata.namespace',
      },
    ]);
  });

  it('runs the CEL rules of the CRDs', () => {
    const region: KubeObject = {
      apiVersion: K0,
      kind: 'Region',
      metadata: { name: 'eu-region' },
      spec: {},
    };
    expect(validateObject('Region', region)).toEqual([
      {
        reason: 'FieldValueInvalid',
        message:
          'Invalid value: "object": exactly one of kubeConfig or clusterDeployment must be set',
        field: 'spec',
      },
    ]);
  });

  it('applies transition rules against the old object', () => {
    const stored = clusterTemplate('1.0.43');
    expect(validateObject('ClusterTemplate', stored, stored)).toEqual([]);
    expect(
      validateObject('ClusterTemplate', clusterTemplate('1.0.44'), stored),
    ).toEqual([
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "object": Spec is immutable',
        field: 'spec',
      },
    ]);
    // On create there is no old object: the rule does not apply.
    expect(
      validateObject('ClusterTemplate', clusterTemplate('1.0.44')),
    ).toEqual([]);
  });

  it('validates status too (it is part of the schema)', () => {
    const object = {
      ...clusterDeployment({ template: 't' }),
      status: { conditions: [{ type: 'Ready', status: 'Maybe' }] },
    };
    expect(
      validateObject('ClusterDeployment', object).map(c => c.field),
    ).toEqual([
      'status.conditions[0].status',
      'status.conditions[0].lastTransitionTime',
      'status.conditions[0].message',
      'status.conditions[0].reason',
      '<nil>',
    ]);
  });

  it('does not change the object it validates', () => {
    const object = clusterDeployment({ template: 't', extra: 1 });
    const before = structuredClone(object);
    validateObject('ClusterDeployment', object, undefined, { strict: true });
    expect(object).toEqual(before);
  });

  it('throws for kinds without a definition', () => {
    expect(() =>
      validateObject('HelmRepository', clusterDeployment({})),
    ).toThrow('The simulator has no schema for kind HelmRepository');
  });

  describe('core kinds', () => {
    it('uses DNS-1123 labels for Namespace names and DNS-1035 for Service names', () => {
      const ns: KubeObject = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'kcm.system' },
      };
      expect(validateObject('Namespace', ns)[0].field).toBe('metadata.name');
      const svc: KubeObject = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: '9promxy', namespace: 'kof' },
        spec: { ports: [{ port: 8082, targetPort: 'http' }] },
      };
      expect(validateObject('Service', svc).map(c => c.field)).toEqual([
        'metadata.name',
      ]);
    });

    it('checks Secret and ConfigMap keys and base64 data', () => {
      const secret: KubeObject = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'team-a-aws-dev-kubeconfig',
          namespace: 'kcm-system',
        },
        type: 'cluster.x-k8s.io/secret',
        data: {
          value: Buffer.from('kubeconfig').toString('base64'),
          'bad key': 'eA==',
        },
        stringData: { other: 'plain' },
      };
      expect(validateObject('Secret', secret)).toEqual([
        expect.objectContaining({
          field: 'data[bad key]',
          reason: 'FieldValueInvalid',
        }),
      ]);
      const configMap: KubeObject = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'schema-ct-aws', namespace: 'kcm-system' },
        data: { schema: '{}' },
        binaryData: { blob: 'not base64!' },
      };
      expect(validateObject('ConfigMap', configMap).map(c => c.reason)).toEqual(
        ['FieldValueTypeInvalid'],
      );
    });

    it('requires involvedObject on events', () => {
      const event: KubeObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'cd.17a3b', namespace: 'kcm-system' },
        reason: 'Created',
      };
      expect(validateObject('Event', event)).toEqual([
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'involvedObject',
        },
      ]);
    });
  });
});

describe('prepareWrite', () => {
  const object = clusterDeployment({
    template: 't',
    surprise: true,
    serviceSpec: { services: [{ name: 'a', template: 'x' }] },
  });

  it('prunes, defaults, and warns about unknown fields by default', () => {
    const result = prepareWrite('ClusterDeployment', object);
    expect(result.causes).toEqual([]);
    expect(result.unknownFields).toEqual(['spec.surprise']);
    expect(result.warnings).toEqual(['unknown field "spec.surprise"']);
    expect(result.object.spec).toEqual({
      template: 't',
      propagateCredentials: true,
      serviceSpec: {
        services: [{ name: 'a', template: 'x', namespace: 'default' }],
        continueOnError: false,
        priority: 100,
        stopOnConflict: false,
        syncMode: 'Continuous',
      },
    });
  });

  it('rejects unknown fields with Strict and stays silent with Ignore', () => {
    expect(
      prepareWrite('ClusterDeployment', object, undefined, {
        fieldValidation: 'Strict',
      }).causes,
    ).toEqual([expect.objectContaining({ reason: UNKNOWN_FIELD_REASON })]);
    const ignored = prepareWrite('ClusterDeployment', object, undefined, {
      fieldValidation: 'Ignore',
    });
    expect(ignored.causes).toEqual([]);
    expect(ignored.warnings).toEqual([]);
  });
});
