/*
 * The validator against the upstream CRDs: the example objects of the k0rdent API
 * fact sheet are valid, and broken variants of them are rejected at the right
 * field with the right reason, by the upstream schema and identically by the
 * simulator (its own definitions and validateObject).
 */
import { validateObject } from '@k0rdent-backstage/k0rdent-sim';
import {
  expectValidAgainstUpstream,
  validateAgainstUpstream,
  type KubeObject,
} from './expectValidAgainstUpstream';
import { loadFixture } from './fixtures';
import { loadUpstreamCrds } from './upstreamCrds';

// Fails the whole file, with the folder and the variable to set, when the CRDs are missing.
loadUpstreamCrds();
const knownGood = loadFixture('known-good.yaml');

function find(kind: string, name: string): KubeObject {
  const found = knownGood.find(
    o => o.kind === kind && o.metadata.name === name,
  );
  if (!found) throw new Error(`fixture ${kind} ${name} not found`);
  return structuredClone(found);
}

type Obj = Record<string, any>;

interface BadCase {
  name: string;
  /** The known-good object to start from. */
  base: [kind: string, name: string];
  /** Breaks the copy. */
  change: (o: Obj) => void;
  /** An update of the stored base object (transition rules apply); otherwise a create. */
  update?: boolean;
  field: string;
  reason: string;
  message?: string | RegExp;
}

const CD: [string, string] = ['ClusterDeployment', 'team-a-aws-dev'];

const badCases: BadCase[] = [
  {
    name: 'ClusterDeployment without template',
    base: CD,
    change: o => delete o.spec.template,
    field: 'spec.template',
    reason: 'FieldValueRequired',
    message: 'Required value',
  },
  {
    name: 'ClusterDeployment with an empty template',
    base: CD,
    change: o => (o.spec.template = ''),
    field: 'spec.template',
    reason: 'FieldValueInvalid',
    message:
      'Invalid value: "": spec.template in body should be at least 1 chars long',
  },
  {
    name: 'ClusterDeployment with a 254-character template',
    base: CD,
    change: o => (o.spec.template = 'a'.repeat(254)),
    field: 'spec.template',
    reason: 'FieldValueTooLong',
    message: 'Too long: may not be more than 253 bytes',
  },
  {
    name: 'ClusterDeployment with a misspelt field',
    base: CD,
    change: o => (o.spec.tempalte = 'x'),
    field: 'spec.tempalte',
    reason: 'FieldValueUnknown',
    message: 'unknown field "spec.tempalte"',
  },
  {
    name: 'ClusterDeployment with a non-boolean cleanupOnDeletion',
    base: CD,
    change: o => (o.spec.cleanupOnDeletion = 'yes'),
    field: 'spec.cleanupOnDeletion',
    reason: 'FieldValueTypeInvalid',
    message:
      'Invalid value: "string": spec.cleanupOnDeletion in body must be of type boolean: "string"',
  },
  {
    name: 'ClusterDeployment with the same service twice',
    base: CD,
    change: o =>
      o.spec.serviceSpec.services.push({ ...o.spec.serviceSpec.services[0] }),
    field: 'spec.serviceSpec.services[2]',
    reason: 'FieldValueDuplicate',
    message:
      'Duplicate value: {"name":"cert-manager","namespace":"cert-manager"}',
  },
  {
    name: 'ClusterDeployment service without template',
    base: CD,
    change: o => delete o.spec.serviceSpec.services[0].template,
    field: 'spec.serviceSpec.services[0].template',
    reason: 'FieldValueRequired',
  },
  {
    name: 'ClusterDeployment with an unknown syncMode',
    base: CD,
    change: o => (o.spec.serviceSpec.syncMode = 'Sometimes'),
    field: 'spec.serviceSpec.syncMode',
    reason: 'FieldValueNotSupported',
    message:
      'Unsupported value: "Sometimes": supported values: "OneTime", "Continuous", "ContinuousWithDriftDetection", "DryRun"',
  },
  {
    name: 'ClusterDeployment with priority 0',
    base: CD,
    change: o => (o.spec.serviceSpec.priority = 0),
    field: 'spec.serviceSpec.priority',
    reason: 'FieldValueInvalid',
    message:
      'Invalid value: 0: spec.serviceSpec.priority in body should be greater than or equal to 1',
  },
  {
    name: 'ClusterDeployment changing its state-management provider',
    base: CD,
    change: o => (o.spec.serviceSpec.provider.name = 'other-provider'),
    update: true,
    field: 'spec.serviceSpec.provider.name',
    reason: 'FieldValueInvalid',
    message: 'Invalid value: "string": Provider name is immutable once set',
  },
  {
    name: 'ClusterDeployment with an upper-case name',
    base: CD,
    change: o => (o.metadata.name = 'Team_A'),
    field: 'metadata.name',
    reason: 'FieldValueInvalid',
    message: /^Invalid value: "Team_A": a lowercase RFC 1123 subdomain/,
  },
  {
    name: 'ClusterDeployment without namespace',
    base: CD,
    change: o => delete o.metadata.namespace,
    field: 'metadata.namespace',
    reason: 'FieldValueRequired',
  },
  {
    name: 'ClusterDeployment with a bad label value',
    base: CD,
    change: o => (o.metadata.labels.team = 'team a'),
    field: 'metadata.labels',
    reason: 'FieldValueInvalid',
  },
  {
    name: 'ClusterDeployment status with an unknown condition status',
    base: CD,
    change: o => (o.status.conditions[0].status = 'Maybe'),
    field: 'status.conditions[0].status',
    reason: 'FieldValueNotSupported',
    message:
      'Unsupported value: "Maybe": supported values: "True", "False", "Unknown"',
  },
  {
    name: 'Credential without identityRef',
    base: ['Credential', 'aws-team-a-cred'],
    change: o => delete o.spec.identityRef,
    field: 'spec.identityRef',
    reason: 'FieldValueRequired',
  },
  {
    name: 'Credential moving to another region',
    base: ['Credential', 'aws-eu-cred'],
    change: o => (o.spec.region = 'us-region'),
    update: true,
    field: 'spec.region',
    reason: 'FieldValueInvalid',
    message: 'Invalid value: "string": Region is immutable',
  },
  {
    name: 'Region with both kubeConfig and clusterDeployment',
    base: ['Region', 'eu-region'],
    change: o => (o.spec.kubeConfig = { name: 'eu-kubeconfig', key: 'value' }),
    field: 'spec',
    reason: 'FieldValueInvalid',
    message:
      'Invalid value: "object": exactly one of kubeConfig or clusterDeployment must be set',
  },
  {
    name: 'Region (cluster-scoped) with a namespace',
    base: ['Region', 'eu-region'],
    change: o => (o.metadata.namespace = 'kcm-system'),
    field: 'metadata.namespace',
    reason: 'FieldValueForbidden',
    message: 'Forbidden: not allowed on this type',
  },
  {
    name: 'ServiceTemplate with helm and kustomize',
    base: ['ServiceTemplate', 'ingress-nginx-4-15-1'],
    change: o =>
      (o.spec.kustomize = {
        localSourceRef: { kind: 'GitRepository', name: 'baseline' },
        path: '.',
      }),
    field: 'spec',
    reason: 'FieldValueInvalid',
    message:
      'Invalid value: "object": Helm, Kustomize and Resources are mutually exclusive.',
  },
  {
    name: 'ServiceTemplate chart from an unsupported source kind',
    base: ['ServiceTemplate', 'ingress-nginx-4-15-1'],
    change: o => (o.spec.helm.chartSpec.sourceRef.kind = 'OCIRepository'),
    field: 'spec.helm.chartSpec.sourceRef.kind',
    reason: 'FieldValueNotSupported',
  },
  {
    name: 'ClusterTemplate with a changed spec',
    base: ['ClusterTemplate', 'aws-standalone-cp-1-0-43'],
    change: o => (o.spec.helm.chartSpec.version = '1.0.44'),
    update: true,
    field: 'spec',
    reason: 'FieldValueInvalid',
    message: 'Invalid value: "object": Spec is immutable',
  },
  {
    name: 'ClusterTemplate with a chartSource',
    base: ['ClusterTemplate', 'acme-aws-hardened-0-2-0'],
    change: o =>
      (o.spec.helm = {
        chartSource: {
          localSourceRef: { kind: 'GitRepository', name: 'charts' },
          path: './acme',
        },
      }),
    field: 'spec',
    reason: 'FieldValueInvalid',
    message:
      'Invalid value: "object": .spec.helm.chartSource is not supported for ClusterTemplates',
  },
  {
    name: 'ServiceTemplateChain listing a template twice',
    base: ['ServiceTemplateChain', 'ingress-nginx-chain'],
    change: o =>
      o.spec.supportedTemplates.push({ name: 'ingress-nginx-4-15-1' }),
    field: 'spec.supportedTemplates[2]',
    reason: 'FieldValueDuplicate',
  },
  {
    name: 'AccessManagement resource with names and a selector',
    base: ['AccessManagement', 'kcm'],
    change: o =>
      (o.spec.accessRules[0].resources[0].selector = {
        matchLabels: { a: 'b' },
      }),
    field: 'spec.accessRules[0].resources[0]',
    reason: 'FieldValueInvalid',
    message:
      'Invalid value: "object": only one of names, selector, stringSelector can be specified',
  },
  {
    name: 'MultiClusterService with a 254-character service name',
    base: ['MultiClusterService', 'prod-ingress'],
    change: o => (o.spec.serviceSpec.services[0].name = 'n'.repeat(254)),
    field: 'spec.serviceSpec.services[0].name',
    reason: 'FieldValueTooLong',
  },
  {
    name: 'ManagementBackup with a string for a boolean',
    base: ['ManagementBackup', 'nightly'],
    change: o => (o.spec.performOnManagementUpgrade = 'true'),
    field: 'spec.performOnManagementUpgrade',
    reason: 'FieldValueTypeInvalid',
  },
  {
    name: 'Management without release',
    base: ['Management', 'kcm'],
    change: o => delete o.spec.release,
    field: 'spec.release',
    reason: 'FieldValueRequired',
  },
  {
    name: 'Secret with a key that is not a config key',
    base: ['Secret', 'aws-team-a-secret'],
    change: o => (o.stringData['access key'] = 'x'),
    field: 'stringData[access key]',
    reason: 'FieldValueInvalid',
  },
];

/** What a case's message must look like: exactly the string, or matching the pattern. */
function messageLike(message: string | RegExp | undefined): unknown {
  if (message === undefined) return expect.any(String);
  return typeof message === 'string' ? message : expect.stringMatching(message);
}

describe('known-good objects (API fact sheet, section 7)', () => {
  it('has objects of many kinds', () => {
    expect(new Set(knownGood.map(o => o.kind)).size).toBeGreaterThanOrEqual(12);
  });

  it('are valid against the upstream CRDs', () => {
    expectValidAgainstUpstream(knownGood);
  });

  it.each(knownGood.map(o => [`${o.kind} ${o.metadata.name}`, o] as const))(
    '%s is valid for the simulator too',
    (_, object) => {
      expect(
        validateObject(object.kind, object, undefined, { strict: true }),
      ).toEqual([]);
    },
  );
});

describe('known-bad variants', () => {
  it.each(badCases.map(c => [c.name, c] as const))('%s', (_, c) => {
    const base = find(...c.base);
    const object = structuredClone(base) as Obj;
    c.change(object);
    const old = c.update ? base : undefined;
    const violations = validateAgainstUpstream(
      [object as KubeObject],
      old ? [old] : [],
    );

    expect(violations).toContainEqual({
      object: expect.any(String),
      field: c.field,
      reason: c.reason,
      message: messageLike(c.message),
    });
    // The simulator says exactly what the upstream schema says.
    expect(
      validateObject(object.kind, object as KubeObject, old, { strict: true }),
    ).toEqual(
      violations.map(({ reason, message, field }) => ({
        reason,
        message,
        field,
      })),
    );
  });
});

describe('expectValidAgainstUpstream', () => {
  it('lists object, field and message of every violation', () => {
    const broken = find(...CD) as Obj;
    delete broken.spec.template;
    broken.spec.tempalte = 'x';
    expect(() =>
      expectValidAgainstUpstream([
        find('Region', 'eu-region'),
        broken as KubeObject,
      ]),
    ).toThrow(
      [
        '1 of 2 objects do not match the upstream k0rdent CRDs:',
        '  ClusterDeployment kcm-system/team-a-aws-dev',
        '    spec.tempalte: unknown field "spec.tempalte"',
        '    spec.template: Required value',
      ].join('\n'),
    );
  });

  it('rejects kinds that have no upstream CRD', () => {
    const helmRepository = {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'HelmRepository',
      metadata: { name: 'k0rdent-catalog', namespace: 'kcm-system' },
      spec: { url: 'oci://ghcr.io/k0rdent/catalog/charts' },
    };
    expect(() => expectValidAgainstUpstream([helmRepository])).toThrow(
      'kind: no upstream CRD defines kind "HelmRepository" and it is not a core kind the simulator serves',
    );
  });

  it('fails on an empty list', () => {
    expect(() => expectValidAgainstUpstream([])).toThrow('no objects to check');
  });
});
