import {
  crdToDefinition,
  definitionFileName,
  isCustomResourceDefinition,
  stripDescriptions,
  type CustomResourceDefinition,
} from './extract';

function crd(): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'credentials.k0rdent.mirantis.com' },
    spec: {
      group: 'k0rdent.mirantis.com',
      names: {
        kind: 'Credential',
        listKind: 'CredentialList',
        plural: 'credentials',
        singular: 'credential',
        shortNames: ['cred'],
      },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1alpha1',
          served: false,
          storage: false,
          schema: { openAPIV3Schema: { type: 'object' } },
        },
        {
          name: 'v1beta1',
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: [
            {
              name: 'Ready',
              type: 'boolean',
              jsonPath: '.status.ready',
              description: 'Ready',
            },
          ],
          schema: {
            openAPIV3Schema: {
              description: 'Credential is the Schema for the credentials API',
              type: 'object',
              properties: {
                spec: {
                  description: 'CredentialSpec defines the desired state',
                  type: 'object',
                  properties: {
                    // A field really named "description" stays.
                    description: { description: 'Free text', type: 'string' },
                    region: {
                      type: 'string',
                      'x-kubernetes-validations': [
                        {
                          message: 'Region is immutable',
                          rule: 'self == oldSelf',
                        },
                      ],
                    },
                    tags: {
                      type: 'array',
                      items: { description: 'a tag', type: 'string' },
                    },
                    extra: {
                      type: 'object',
                      additionalProperties: {
                        description: 'value',
                        type: 'string',
                      },
                      default: { description: 'a default value is data' },
                    },
                    either: {
                      anyOf: [{ description: 'x', required: ['a'] }],
                      not: { description: 'y', required: ['b'] },
                    },
                  },
                },
              },
            },
          },
        },
      ],
    },
  };
}

describe('stripDescriptions', () => {
  it('removes descriptions of schema nodes only', () => {
    const schema = crd().spec.versions[1].schema!.openAPIV3Schema;
    expect(stripDescriptions(schema)).toEqual({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            description: { type: 'string' },
            region: {
              type: 'string',
              'x-kubernetes-validations': [
                { message: 'Region is immutable', rule: 'self == oldSelf' },
              ],
            },
            tags: { type: 'array', items: { type: 'string' } },
            extra: {
              type: 'object',
              additionalProperties: { type: 'string' },
              default: { description: 'a default value is data' },
            },
            either: {
              anyOf: [{ required: ['a'] }],
              not: { required: ['b'] },
            },
          },
        },
      },
    });
  });

  it('does not change its input', () => {
    const schema = crd().spec.versions[1].schema!.openAPIV3Schema;
    const before = structuredClone(schema);
    stripDescriptions(schema);
    expect(schema).toEqual(before);
  });
});

describe('crdToDefinition', () => {
  it('takes the storage version with names, scope, subresources and columns', () => {
    const definition = crdToDefinition(crd());
    expect(definition).toMatchObject({
      group: 'k0rdent.mirantis.com',
      version: 'v1beta1',
      names: {
        kind: 'Credential',
        plural: 'credentials',
        shortNames: ['cred'],
      },
      scope: 'Namespaced',
      subresources: { status: {} },
      additionalPrinterColumns: [{ name: 'Ready', jsonPath: '.status.ready' }],
    });
    expect(definition.schema.description).toBeUndefined();
    expect(definitionFileName(definition)).toBe(
      'credentials.k0rdent.mirantis.com.json',
    );
  });

  it('fails without a storage version', () => {
    const noStorage = crd();
    noStorage.spec.versions.forEach(v => {
      v.storage = false;
    });
    expect(() => crdToDefinition(noStorage)).toThrow(
      'CRD credentials.k0rdent.mirantis.com has no storage version',
    );
  });

  it('recognises CRD documents', () => {
    expect(isCustomResourceDefinition(crd())).toBe(true);
    expect(isCustomResourceDefinition({ kind: 'ConfigMap' })).toBe(false);
    expect(isCustomResourceDefinition(null)).toBe(false);
  });
});
