import type { JSONSchemaProps } from './types';
import {
  applyDefaults,
  collectRules,
  jsonTypeOf,
  prune,
  unknownFields,
  validateValue,
} from './validate';

/** Validates `{ spec: value }` against `{ spec: schema }`, so paths read `spec...`. */
function check(schema: JSONSchemaProps, value: unknown, oldValue?: unknown) {
  return validateValue(
    { type: 'object', properties: { spec: schema } },
    { spec: value },
    oldValue === undefined ? {} : { oldValue: { spec: oldValue } },
  );
}

describe('validateValue', () => {
  describe('type', () => {
    it.each([
      ['integer', 'x', 'string'],
      ['string', 5, 'integer'],
      ['number', true, 'boolean'],
      ['boolean', 'true', 'string'],
      ['object', [], 'array'],
      ['array', {}, 'object'],
      ['integer', 1.5, 'number'],
    ])('rejects a %s field holding %j', (type, value, actual) => {
      expect(check({ type }, value)).toEqual([
        {
          reason: 'FieldValueTypeInvalid',
          message: `Invalid value: "${actual}": spec in body must be of type ${type}: "${actual}"`,
          field: 'spec',
        },
      ]);
    });

    it('accepts integers where numbers are expected', () => {
      expect(check({ type: 'number' }, 3)).toEqual([]);
    });

    it('rejects null unless nullable', () => {
      expect(check({ type: 'string' }, null)).toEqual([
        {
          reason: 'FieldValueTypeInvalid',
          message:
            'Invalid value: "null": spec in body must be of type string: "null"',
          field: 'spec',
        },
      ]);
      expect(check({ type: 'string', nullable: true }, null)).toEqual([]);
    });

    it('accepts anything without a type (x-kubernetes-preserve-unknown-fields)', () => {
      const schema = { 'x-kubernetes-preserve-unknown-fields': true };
      for (const value of [1, 'a', [1], { a: { b: 1 } }, true]) {
        expect(check(schema, value)).toEqual([]);
      }
    });

    it('accepts integers and strings for x-kubernetes-int-or-string', () => {
      const schema = { 'x-kubernetes-int-or-string': true };
      expect(check(schema, 8080)).toEqual([]);
      expect(check(schema, 'http')).toEqual([]);
      expect(check(schema, true)).toEqual([
        {
          reason: 'FieldValueTypeInvalid',
          message:
            'Invalid value: "boolean": spec in body must be of type integer,string: "boolean"',
          field: 'spec',
        },
      ]);
    });
  });

  describe('strings', () => {
    it('reports maxLength as Too long without the value', () => {
      expect(check({ type: 'string', maxLength: 3 }, 'abcd')).toEqual([
        {
          reason: 'FieldValueTooLong',
          message: 'Too long: may not be more than 3 bytes',
          field: 'spec',
        },
      ]);
      expect(check({ type: 'string', maxLength: 1 }, 'ab')[0].message).toBe(
        'Too long: may not be more than 1 byte',
      );
    });

    it('counts characters, not UTF-16 units', () => {
      expect(check({ type: 'string', maxLength: 2 }, '😀😀')).toEqual([]);
    });

    it('reports minLength', () => {
      expect(check({ type: 'string', minLength: 1 }, '')).toEqual([
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "": spec in body should be at least 1 chars long',
          field: 'spec',
        },
      ]);
    });

    it('reports pattern mismatches with the pattern', () => {
      expect(
        check({ type: 'string', pattern: '^oci://.*$' }, 'http://x'),
      ).toEqual([
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "http://x": spec in body should match \'^oci://.*$\'',
          field: 'spec',
        },
      ]);
      expect(
        check({ type: 'string', pattern: '^oci://.*$' }, 'oci://x'),
      ).toEqual([]);
    });

    it('checks date-time, date and byte formats and ignores others', () => {
      const dateTime = { type: 'string', format: 'date-time' };
      expect(check(dateTime, '2026-08-21T10:00:00Z')).toEqual([]);
      expect(check(dateTime, '2026-08-21T10:00:00.123456+02:00')).toEqual([]);
      expect(check(dateTime, 'yesterday')).toEqual([
        {
          reason: 'FieldValueTypeInvalid',
          message:
            'Invalid value: "yesterday": spec in body must be of type date-time: "yesterday"',
          field: 'spec',
        },
      ]);
      expect(check(dateTime, '2026-02-30T10:00:00Z')).toHaveLength(1);
      expect(check({ type: 'string', format: 'date' }, '2026-08-21')).toEqual(
        [],
      );
      expect(check({ type: 'string', format: 'byte' }, 'aGVsbG8=')).toEqual([]);
      expect(
        check({ type: 'string', format: 'byte' }, 'not base64!'),
      ).toHaveLength(1);
      expect(check({ type: 'string', format: 'uri' }, 'no uri')).toEqual([]);
    });

    it('does not range-check int32/int64 formats (Kubernetes does not either)', () => {
      expect(check({ type: 'integer', format: 'int32' }, 2 ** 40)).toEqual([]);
      expect(check({ type: 'integer', format: 'int64' }, 7)).toEqual([]);
    });
  });

  describe('numbers', () => {
    it('reports minimum and maximum, inclusive and exclusive', () => {
      const schema = { type: 'integer', minimum: 1, maximum: 2147483646 };
      expect(check(schema, 0)).toEqual([
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: 0: spec in body should be greater than or equal to 1',
          field: 'spec',
        },
      ]);
      expect(check(schema, 2147483647)[0].message).toBe(
        'Invalid value: 2147483647: spec in body should be less than or equal to 2147483646',
      );
      expect(
        check({ type: 'integer', minimum: 1, exclusiveMinimum: true }, 1)[0]
          .message,
      ).toBe('Invalid value: 1: spec in body should be greater than 1');
      expect(
        check({ type: 'integer', maximum: 5, exclusiveMaximum: true }, 5)[0]
          .message,
      ).toBe('Invalid value: 5: spec in body should be less than 5');
    });

    it('prints float bounds the way Go prints float64', () => {
      expect(
        check({ type: 'number', maximum: 2147483646 }, 1e10 + 0.5)[0].message,
      ).toBe(
        'Invalid value: 1.00000000005e+10: spec in body should be less than or equal to 2.147483646e+09',
      );
    });

    it('reports multipleOf', () => {
      expect(check({ type: 'integer', multipleOf: 5 }, 7)[0].message).toBe(
        'Invalid value: 7: spec in body should be a multiple of 5',
      );
    });
  });

  describe('arrays', () => {
    it('validates items with indexed paths', () => {
      const schema = {
        type: 'array',
        items: {
          type: 'object',
          required: ['template'],
          properties: {
            name: { type: 'string' },
            template: { type: 'string' },
          },
        },
      };
      expect(
        check(schema, [{ name: 'a', template: 't' }, { name: 'b' }]),
      ).toEqual([
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec[1].template',
        },
      ]);
    });

    it('reports minItems and maxItems', () => {
      expect(check({ type: 'array', minItems: 1 }, [])).toEqual([
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: 0: spec in body should have at least 1 items',
          field: 'spec',
        },
      ]);
      expect(check({ type: 'array', maxItems: 2 }, [1, 2, 3])).toEqual([
        {
          reason: 'FieldValueTooMany',
          message: 'Too many: 3: must have at most 2 items',
          field: 'spec',
        },
      ]);
      expect(check({ type: 'array', maxItems: 1 }, [1, 2])[0].message).toBe(
        'Too many: 2: must have at most 1 item',
      );
    });

    it('reports duplicate keys of list-type map items', () => {
      const schema = {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name', 'namespace'],
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            namespace: { type: 'string' },
          },
        },
      };
      expect(
        check(schema, [
          { name: 'a', namespace: 'x' },
          { name: 'a', namespace: 'y' },
          { namespace: 'x', name: 'a' },
        ]),
      ).toEqual([
        {
          reason: 'FieldValueDuplicate',
          message: 'Duplicate value: {"name":"a","namespace":"x"}',
          field: 'spec[2]',
        },
      ]);
    });

    it('reports duplicates in list-type set lists and accepts atomic ones', () => {
      const set = { type: 'array', 'x-kubernetes-list-type': 'set' };
      expect(check(set, ['a', 'b', 'a'])).toEqual([
        {
          reason: 'FieldValueDuplicate',
          message: 'Duplicate value: "a"',
          field: 'spec[2]',
        },
      ]);
      expect(
        check({ type: 'array', 'x-kubernetes-list-type': 'atomic' }, [
          'a',
          'a',
        ]),
      ).toEqual([]);
    });
  });

  describe('objects', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      required: ['template'],
      properties: {
        template: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    };

    it('reports missing required fields', () => {
      expect(check(schema, {})).toEqual([
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.template',
        },
      ]);
    });

    it('validates additionalProperties values under the map key', () => {
      expect(
        check(schema, { template: 't', labels: { 'example.com/team': 1 } }),
      ).toEqual([
        {
          reason: 'FieldValueTypeInvalid',
          message:
            'Invalid value: "integer": spec.labels.example.com/team in body must be of type string: "integer"',
          field: 'spec.labels.example.com/team',
        },
      ]);
    });

    it('reports forbidden properties with additionalProperties: false', () => {
      expect(
        check(
          { type: 'object', additionalProperties: false, properties: {} },
          { extra: 1 },
        ),
      ).toEqual([
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "extra": spec.extra in body is a forbidden property',
          field: 'spec',
        },
      ]);
    });

    it('reports minProperties and maxProperties', () => {
      expect(check({ type: 'object', minProperties: 1 }, {})[0].message).toBe(
        'Invalid value: 0: spec in body should have at least 1 properties',
      );
      expect(
        check({ type: 'object', maxProperties: 1 }, { a: 1, b: 2 }),
      ).toEqual([
        {
          reason: 'FieldValueTooMany',
          message: 'Too many: 2: must have at most 1 item',
          field: 'spec',
        },
      ]);
    });

    it('requires apiVersion and kind in embedded resources and checks their metadata', () => {
      const embedded = {
        type: 'object',
        'x-kubernetes-embedded-resource': true,
        'x-kubernetes-preserve-unknown-fields': true,
      };
      expect(check(embedded, { metadata: { name: 'x' } })).toEqual([
        {
          reason: 'FieldValueRequired',
          message: 'Required value: must not be empty',
          field: 'spec.apiVersion',
        },
        {
          reason: 'FieldValueRequired',
          message: 'Required value: must not be empty',
          field: 'spec.kind',
        },
      ]);
      expect(
        check(embedded, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { labels: { a: 1 } },
        })[0].field,
      ).toBe('spec.metadata.labels.a');
    });
  });

  it('reports enum violations with the supported values', () => {
    expect(
      check({ type: 'string', enum: ['Helm', 'Kustomize'] }, 'Resource'),
    ).toEqual([
      {
        reason: 'FieldValueNotSupported',
        message:
          'Unsupported value: "Resource": supported values: "Helm", "Kustomize"',
        field: 'spec',
      },
    ]);
    expect(check({ type: 'integer', enum: [1, 2] }, 3)[0].message).toBe(
      'Unsupported value: 3: supported values: "1", "2"',
    );
  });

  describe('anyOf, oneOf, allOf and not', () => {
    const a = { required: ['a'] };
    const b = { required: ['b'] };

    it('anyOf needs one alternative to hold', () => {
      const schema = { type: 'object', anyOf: [a, b] };
      expect(check(schema, { a: 1 })).toEqual([]);
      expect(check(schema, {})).toEqual([
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "": "spec" must validate at least one schema (anyOf)',
          field: 'spec',
        },
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.a',
        },
      ]);
    });

    it('oneOf needs exactly one alternative to hold', () => {
      const schema = { type: 'object', oneOf: [a, b] };
      expect(check(schema, { b: 1 })).toEqual([]);
      expect(check(schema, { a: 1, b: 1 })[0].message).toBe(
        'Invalid value: "": "spec" must validate one and only one schema (oneOf). Found 2 valid alternatives',
      );
      expect(check(schema, {})[0].message).toBe(
        'Invalid value: "": "spec" must validate one and only one schema (oneOf). Found none valid',
      );
    });

    it('allOf needs all alternatives to hold', () => {
      const schema = { type: 'object', allOf: [a, b] };
      expect(check(schema, { a: 1, b: 1 })).toEqual([]);
      expect(check(schema, { a: 1 }).map(c => c.message)).toEqual([
        'Required value',
        'Invalid value: "": "spec" must validate all the schemas (allOf)',
      ]);
    });

    it('not must not hold', () => {
      const schema = { type: 'object', not: a };
      expect(check(schema, { b: 1 })).toEqual([]);
      expect(check(schema, { a: 1 })[0].message).toBe(
        'Invalid value: "": "spec" must not validate the schema (not)',
      );
    });
  });

  describe('x-kubernetes-validations', () => {
    const region: JSONSchemaProps = {
      type: 'object',
      properties: {
        kubeConfig: { type: 'object' },
        clusterDeployment: { type: 'object' },
      },
      'x-kubernetes-validations': [
        {
          message: 'exactly one of kubeConfig or clusterDeployment must be set',
          rule: 'has(self.kubeConfig) != has(self.clusterDeployment)',
        },
      ],
    };

    it('reports a broken rule with its message and the schema type as value', () => {
      expect(check(region, { kubeConfig: {}, clusterDeployment: {} })).toEqual([
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "object": exactly one of kubeConfig or clusterDeployment must be set',
          field: 'spec',
        },
      ]);
      expect(check(region, { kubeConfig: {} })).toEqual([]);
    });

    it('runs transition rules only when there is an old value', () => {
      const immutable = {
        type: 'object',
        'x-kubernetes-validations': [
          { rule: 'self == oldSelf', message: 'Spec is immutable' },
        ],
      };
      expect(check(immutable, { a: 1 })).toEqual([]);
      expect(check(immutable, { a: 1 }, { a: 1 })).toEqual([]);
      expect(check(immutable, { a: 2 }, { a: 1 })).toEqual([
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: "object": Spec is immutable',
          field: 'spec',
        },
      ]);
    });

    it('correlates list-type map items by key for transition rules', () => {
      const schema = {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            ref: {
              type: 'string',
              'x-kubernetes-validations': [
                {
                  rule: "oldSelf == '' || self == oldSelf",
                  message: 'immutable',
                },
              ],
            },
          },
        },
      };
      const old = [
        { name: 'a', ref: 'x' },
        { name: 'b', ref: '' },
      ];
      expect(
        check(
          schema,
          [
            { name: 'b', ref: 'set-now' },
            { name: 'a', ref: 'x' },
          ],
          old,
        ),
      ).toEqual([]);
      expect(check(schema, [{ name: 'a', ref: 'y' }], old)).toEqual([
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: "string": immutable',
          field: 'spec[0].ref',
        },
      ]);
    });

    it('uses "failed rule" when a rule has no message, and skips unknown rules', () => {
      const schema = {
        type: 'object',
        'x-kubernetes-validations': [
          { rule: 'has(self.kubeConfig) != has(self.clusterDeployment)' },
          { rule: 'self.replicas > 3', message: 'not known to the table' },
        ],
      };
      expect(check(schema, {})).toEqual([
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: "object": failed rule: has(self.kubeConfig) != has(self.clusterDeployment)',
          field: 'spec',
        },
      ]);
    });

    it('does not evaluate rules when the object has type errors', () => {
      const schema = {
        type: 'object',
        properties: { kubeConfig: { type: 'object' } },
        'x-kubernetes-validations': region['x-kubernetes-validations'],
      };
      expect(check(schema, { kubeConfig: 'x' })).toEqual([
        expect.objectContaining({ reason: 'FieldValueTypeInvalid' }),
        {
          reason: 'FieldValueInvalid',
          message:
            'Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
          field: '<nil>',
        },
      ]);
    });
  });

  it('reports errors in the API server order: schema, list types, rules', () => {
    const schema: JSONSchemaProps = {
      type: 'object',
      properties: {
        list: {
          type: 'array',
          'x-kubernetes-list-type': 'set',
          items: { type: 'string' },
        },
        name: { type: 'string', maxLength: 1 },
      },
      'x-kubernetes-validations': [
        {
          rule: 'has(self.git) || has(self.bucket) || has(self.oci)',
          message: 'one',
        },
      ],
    };
    expect(
      check(schema, { list: ['a', 'a'], name: 'ab' }).map(c => c.reason),
    ).toEqual([
      'FieldValueTooLong',
      'FieldValueDuplicate',
      'FieldValueInvalid',
    ]);
  });
});

describe('prune and unknownFields', () => {
  const schema: JSONSchemaProps = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          template: { type: 'string' },
          config: { 'x-kubernetes-preserve-unknown-fields': true },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          services: {
            type: 'array',
            items: { type: 'object', properties: { name: { type: 'string' } } },
          },
          auth: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
            properties: {
              jwt: {
                type: 'object',
                properties: { issuer: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
  const object = {
    spec: {
      template: 't',
      extra: true,
      config: { anything: { goes: [1] } },
      labels: { a: 'b' },
      services: [{ name: 'a', junk: 1 }],
      auth: { jwt: { issuer: 'x', bogus: 1 }, anonymous: { enabled: true } },
    },
    status: { ready: true },
  };

  it('lists unknown fields with Kubernetes paths', () => {
    expect(unknownFields(schema, object)).toEqual([
      'spec.extra',
      'spec.services[0].junk',
      'spec.auth.jwt.bogus',
      'status',
    ]);
  });

  it('drops unknown fields, keeps preserved ones, and does not change its input', () => {
    const before = structuredClone(object);
    expect(prune(schema, object)).toEqual({
      spec: {
        template: 't',
        config: { anything: { goes: [1] } },
        labels: { a: 'b' },
        services: [{ name: 'a' }],
        auth: { jwt: { issuer: 'x' }, anonymous: { enabled: true } },
      },
    });
    expect(object).toEqual(before);
  });

  it('keeps apiVersion, kind and ObjectMeta fields of embedded resources', () => {
    const embedded = {
      type: 'object',
      properties: {
        template: { type: 'object', 'x-kubernetes-embedded-resource': true },
      },
    };
    const value = {
      template: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'x', labels: { a: 'b' }, nonsense: 1 },
        data: {},
      },
    };
    expect(unknownFields(embedded, value)).toEqual([
      'template.metadata.nonsense',
      'template.data',
    ]);
  });
});

describe('applyDefaults', () => {
  const schema: JSONSchemaProps = {
    type: 'object',
    properties: {
      serviceSpec: {
        type: 'object',
        properties: {
          priority: { type: 'integer', default: 100 },
          syncMode: { type: 'string', default: 'Continuous' },
          note: { type: 'string' },
          when: { type: 'string', nullable: true },
          services: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                namespace: { type: 'string', default: 'default' },
              },
            },
          },
          options: {
            type: 'object',
            default: {},
            properties: { wait: { type: 'boolean', default: false } },
          },
        },
      },
    },
  };

  it('fills missing fields, list items and defaults inside defaulted values', () => {
    expect(
      applyDefaults(schema, {
        serviceSpec: { priority: 300, services: [{ name: 'a' }] },
      }),
    ).toEqual({
      serviceSpec: {
        priority: 300,
        syncMode: 'Continuous',
        services: [{ name: 'a', namespace: 'default' }],
        options: { wait: false },
      },
    });
  });

  it('drops nulls of non-nullable fields, defaults them, and keeps nullable nulls', () => {
    expect(
      applyDefaults(schema, {
        serviceSpec: { priority: null, note: null, when: null },
      }),
    ).toEqual({
      serviceSpec: {
        priority: 100,
        syncMode: 'Continuous',
        when: null,
        options: { wait: false },
      },
    });
  });

  it('does not add parents that are absent', () => {
    expect(applyDefaults(schema, {})).toEqual({});
  });

  it('does not change its input', () => {
    const input = { serviceSpec: {} };
    applyDefaults(schema, input);
    expect(input).toEqual({ serviceSpec: {} });
  });
});

describe('helpers', () => {
  it('names JSON types as kube-openapi does', () => {
    expect([null, [], {}, 1, 1.5, 'a', true].map(jsonTypeOf)).toEqual([
      'null',
      'array',
      'object',
      'integer',
      'number',
      'string',
      'boolean',
    ]);
  });

  it('collects rules with their paths', () => {
    expect(
      collectRules({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            'x-kubernetes-validations': [{ rule: 'self == oldSelf' }],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  'x-kubernetes-validations': [{ rule: 'has(self.a)' }],
                },
              },
            },
          },
        },
      }),
    ).toEqual([
      { path: 'spec', rule: { rule: 'self == oldSelf' } },
      { path: 'spec.items[*]', rule: { rule: 'has(self.a)' } },
    ]);
  });
});
