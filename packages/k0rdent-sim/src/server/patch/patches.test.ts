import { SimApiError } from '../../errors';
import { applyJsonPatch, parseJsonPatch } from './jsonPatch';
import { applyMergePatch } from './mergePatch';
import { applyStrategicMergePatch } from './strategicMergePatch';

function errorOf(action: () => unknown): SimApiError {
  try {
    action();
  } catch (error) {
    return error as SimApiError;
  }
  throw new Error('expected an error');
}

describe('JSON merge patch', () => {
  it('follows RFC 7386', () => {
    expect(
      applyMergePatch(
        { a: 'b', c: { d: 'e', f: 'g' } },
        { a: 'z', c: { f: null } },
      ),
    ).toEqual({ a: 'z', c: { d: 'e' } });
    expect(applyMergePatch({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
    expect(applyMergePatch({ a: 'b' }, { a: { b: 'c' } })).toEqual({
      a: { b: 'c' },
    });
    expect(applyMergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
  });
});

describe('JSON patch', () => {
  const doc = { spec: { list: ['a', 'b'], 'x/y': 1, 'm~n': 2 } };

  it('supports every operation and escaped pointers', () => {
    const result = applyJsonPatch(
      doc,
      parseJsonPatch([
        { op: 'add', path: '/spec/list/1', value: 'inserted' },
        { op: 'add', path: '/spec/list/-', value: 'last' },
        { op: 'remove', path: '/spec/x~1y' },
        { op: 'replace', path: '/spec/m~0n', value: 3 },
        { op: 'move', from: '/spec/list/0', path: '/spec/first' },
        { op: 'copy', from: '/spec/first', path: '/spec/copy' },
        { op: 'test', path: '/spec/copy', value: 'a' },
      ]),
    );
    expect(result).toEqual({
      spec: {
        list: ['inserted', 'b', 'last'],
        'm~n': 3,
        first: 'a',
        copy: 'a',
      },
    });
    expect(doc.spec.list).toEqual(['a', 'b']);
  });

  it('rejects malformed documents with 400 and failed operations with 422', () => {
    expect(errorOf(() => parseJsonPatch({ op: 'add' })).code).toBe(400);
    expect(
      errorOf(() => parseJsonPatch([{ op: 'jump', path: '/a' }])).code,
    ).toBe(400);
    expect(
      errorOf(() =>
        applyJsonPatch(
          doc,
          parseJsonPatch([{ op: 'remove', path: '/spec/nothing' }]),
        ),
      ).code,
    ).toBe(422);
    expect(
      errorOf(() =>
        applyJsonPatch(
          doc,
          parseJsonPatch([{ op: 'test', path: '/spec/list/0', value: 'z' }]),
        ),
      ).code,
    ).toBe(422);
  });
});

describe('strategic merge patch (approximation)', () => {
  it('merges finalizers as a set and named lists by name', () => {
    const target = {
      metadata: { finalizers: ['a'] },
      spec: {
        containers: [
          { name: 'app', image: 'v1' },
          { name: 'sidecar', image: 's1' },
        ],
        args: ['x'],
      },
    };
    const patch = {
      metadata: { finalizers: ['b'] },
      spec: {
        containers: [
          { name: 'app', image: 'v2' },
          { name: 'sidecar', $patch: 'delete' },
        ],
        args: ['y'],
      },
    };
    expect(applyStrategicMergePatch(target, patch)).toEqual({
      metadata: { finalizers: ['a', 'b'] },
      spec: { containers: [{ name: 'app', image: 'v2' }], args: ['y'] },
    });
  });

  it('honours $patch, $retainKeys and $deleteFromPrimitiveList', () => {
    const target = {
      metadata: { finalizers: ['a', 'b'] },
      data: { a: '1', b: '2' },
      spec: { x: 1, y: 2 },
    };
    const patch = {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
      data: { $patch: 'replace', c: '3' },
      spec: { $retainKeys: ['x'], x: 5 },
    };
    expect(applyStrategicMergePatch(target, patch)).toEqual({
      metadata: { finalizers: ['b'] },
      data: { c: '3' },
      spec: { x: 5 },
    });
  });
});
