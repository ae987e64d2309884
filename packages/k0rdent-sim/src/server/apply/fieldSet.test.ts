import {
  appliedFieldSet,
  changedFields,
  memberPaths,
  parseFieldsV1,
  pathToString,
  toFieldsV1,
} from './fieldSet';

describe('field sets', () => {
  it('round-trips the FieldsV1 format, including "." markers', () => {
    const fields = {
      'f:metadata': {
        'f:labels': { '.': {}, 'f:app': {} },
        'f:finalizers': { 'v:"x"': {} },
      },
      'f:spec': { 'f:template': {} },
    };
    expect(toFieldsV1(parseFieldsV1(fields))).toEqual(fields);
  });

  it('takes the leaves of an applied configuration, never identity fields', () => {
    const set = appliedFieldSet({
      apiVersion: 'v1',
      kind: 'X',
      metadata: {
        name: 'n',
        namespace: 'ns',
        labels: { a: 'b' },
        finalizers: ['f'],
      },
      spec: { list: [1, 2], nested: { x: 1, gone: null }, empty: {} },
    });
    expect(toFieldsV1(set)).toEqual({
      'f:metadata': {
        'f:finalizers': { 'v:"f"': {} },
        'f:labels': { 'f:a': {} },
      },
      'f:spec': { 'f:list': {}, 'f:nested': { 'f:x': {} } },
    });
    expect(memberPaths(set).map(pathToString)).toEqual([
      '.metadata.labels.a',
      '.metadata.finalizers[="f"]',
      '.spec.list',
      '.spec.nested.x',
    ]);
  });

  it('finds what a non-apply write changed and removed', () => {
    const { changed, removed } = changedFields(
      {
        metadata: { name: 'n', labels: { a: '1', b: '2' } },
        spec: { x: 1, y: 2 },
      },
      {
        metadata: { name: 'n', labels: { a: '1', c: '3' } },
        spec: { x: 9, y: 2, z: { deep: true } },
      },
    );
    expect(toFieldsV1(changed)).toEqual({
      'f:metadata': { 'f:labels': { 'f:c': {} } },
      'f:spec': { 'f:x': {}, 'f:z': { '.': {}, 'f:deep': {} } },
    });
    expect(removed.map(pathToString)).toEqual(['.metadata.labels.b']);
  });
});
