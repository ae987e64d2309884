import {
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
  validateObjectMeta,
} from './objectMeta';

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('name rules', () => {
  it('accepts DNS-1123 subdomains up to 253 characters', () => {
    expect(dns1123SubdomainErrors('team-a-aws-dev')).toEqual([]);
    expect(dns1123SubdomainErrors('kcm-1-11-4.example')).toEqual([]);
    expect(dns1123SubdomainErrors('Team_A')).toEqual([SUBDOMAIN_MSG]);
    expect(dns1123SubdomainErrors('a'.repeat(254))).toEqual([
      'must be no more than 253 characters',
    ]);
  });

  it('checks DNS-1123 and DNS-1035 labels', () => {
    expect(dns1123LabelErrors('kcm-system')).toEqual([]);
    expect(dns1123LabelErrors('a.b')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(dns1035LabelErrors('kof-mothership-promxy')).toEqual([]);
    expect(dns1035LabelErrors('1abc')).toHaveLength(1);
  });

  it('checks qualified names with an optional prefix', () => {
    expect(
      qualifiedNameErrors('k0rdent.mirantis.com/kof-cluster-role'),
    ).toEqual([]);
    expect(qualifiedNameErrors('env')).toEqual([]);
    expect(qualifiedNameErrors('/env')).toEqual([
      'prefix part must be non-empty',
    ]);
    expect(qualifiedNameErrors('Example.com/x')[0]).toMatch(
      /^prefix part a lowercase RFC 1123 subdomain/,
    );
    expect(qualifiedNameErrors(`x/${'n'.repeat(64)}`)).toEqual([
      'name part must be no more than 63 characters',
    ]);
    expect(qualifiedNameErrors('-bad')[0]).toBe(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  });

  it('checks label values', () => {
    expect(labelValueErrors('')).toEqual([]);
    expect(labelValueErrors('1.10.0')).toEqual([]);
    expect(labelValueErrors('a b')).toHaveLength(1);
    expect(labelValueErrors('v'.repeat(64))).toEqual([
      'must be no more than 63 characters',
    ]);
  });
});

describe('validateObjectMeta', () => {
  it('accepts a valid namespaced object', () => {
    expect(
      validateObjectMeta(
        {
          name: 'team-a-aws-dev',
          namespace: 'kcm-system',
          labels: { 'k0rdent.mirantis.com/kof-version': '1.10.0' },
          annotations: { 'helm.sh/resource-policy': 'keep' },
          finalizers: ['k0rdent.mirantis.com/cluster-deployment'],
        },
        { namespaced: true },
      ),
    ).toEqual([]);
  });

  it('requires a name or generateName', () => {
    expect(
      validateObjectMeta({ namespace: 'ns' }, { namespaced: true }),
    ).toEqual([
      {
        reason: 'FieldValueRequired',
        message: 'Required value: name or generateName is required',
        field: 'metadata.name',
      },
    ]);
    expect(
      validateObjectMeta(
        { generateName: 'cd-', namespace: 'ns' },
        { namespaced: true },
      ),
    ).toEqual([]);
  });

  it('checks names with the kind rule', () => {
    expect(
      validateObjectMeta(
        { name: 'a.b' },
        { namespaced: false, nameRule: 'dns1123Label' },
      ),
    ).toEqual([
      expect.objectContaining({
        field: 'metadata.name',
        reason: 'FieldValueInvalid',
      }),
    ]);
    expect(validateObjectMeta({ name: 'a.b' }, { namespaced: false })).toEqual(
      [],
    );
  });

  it('requires a namespace for namespaced kinds and forbids it for cluster-scoped ones', () => {
    expect(validateObjectMeta({ name: 'x' }, { namespaced: true })).toEqual([
      {
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: 'metadata.namespace',
      },
    ]);
    expect(
      validateObjectMeta({ name: 'x', namespace: 'ns' }, { namespaced: false }),
    ).toEqual([
      {
        reason: 'FieldValueForbidden',
        message: 'Forbidden: not allowed on this type',
        field: 'metadata.namespace',
      },
    ]);
  });

  it('reports bad label keys and values under metadata.labels', () => {
    const causes = validateObjectMeta(
      { name: 'x', labels: { 'bad key': 'ok', good: 'bad value' } },
      { namespaced: false },
    );
    expect(causes.map(c => [c.field, c.message.slice(0, 28)])).toEqual([
      ['metadata.labels', 'Invalid value: "bad key": na'],
      ['metadata.labels', 'Invalid value: "bad value": '],
    ]);
  });

  it('checks annotation keys case-insensitively and limits their total size', () => {
    expect(
      validateObjectMeta(
        { name: 'x', annotations: { 'Example.COM/Key': 'v' } },
        { namespaced: false },
      ),
    ).toEqual([]);
    expect(
      validateObjectMeta(
        { name: 'x', annotations: { big: 'x'.repeat(256 * 1024) } },
        { namespaced: false },
      ),
    ).toEqual([
      {
        reason: 'FieldValueTooLong',
        message: 'Too long: may not be more than 262144 bytes',
        field: 'metadata.annotations',
      },
    ]);
  });

  it('checks finalizer names', () => {
    expect(
      validateObjectMeta(
        { name: 'x', finalizers: ['a/b/c'] },
        { namespaced: false },
      )[0].field,
    ).toBe('metadata.finalizers[0]');
  });
});
