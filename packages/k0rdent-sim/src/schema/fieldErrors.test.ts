import {
  duplicate,
  formatBadValue,
  forbidden,
  goFloat,
  invalid,
  invalidStatusMessage,
  notSupported,
  required,
  strictDecodingMessage,
  tooLong,
  tooMany,
  typeInvalid,
  unknownField,
} from './fieldErrors';

describe('field errors', () => {
  it('formats bad values as Kubernetes does', () => {
    expect(formatBadValue('a"b')).toBe('"a\\"b"');
    expect(formatBadValue(42)).toBe('42');
    expect(formatBadValue(1.5)).toBe('1.5');
    expect(formatBadValue(true)).toBe('true');
    expect(formatBadValue(null)).toBe('null');
    expect(formatBadValue({ b: 1, a: '<x>' })).toBe(
      '{"a":"\\u003cx\\u003e","b":1}',
    );
  });

  it('prints floats like Go', () => {
    expect(goFloat(100)).toBe('100');
    expect(goFloat(123456)).toBe('123456');
    expect(goFloat(1e6)).toBe('1e+06');
    expect(goFloat(2147483646)).toBe('2.147483646e+09');
    expect(goFloat(0.00001)).toBe('1e-05');
    expect(goFloat(0.5)).toBe('0.5');
  });

  it('builds each cause type with its reason and message', () => {
    expect(required('spec.template')).toEqual({
      reason: 'FieldValueRequired',
      message: 'Required value',
      field: 'spec.template',
    });
    expect(
      required('metadata.name', 'name or generateName is required').message,
    ).toBe('Required value: name or generateName is required');
    expect(invalid('spec.x', 'y', 'bad').message).toBe(
      'Invalid value: "y": bad',
    );
    expect(typeInvalid('spec.x', 'string', 'detail')).toEqual({
      reason: 'FieldValueTypeInvalid',
      message: 'Invalid value: "string": detail',
      field: 'spec.x',
    });
    expect(notSupported('spec.t', 'x', ['a', 'b']).message).toBe(
      'Unsupported value: "x": supported values: "a", "b"',
    );
    expect(
      forbidden('metadata.namespace', 'not allowed on this type').message,
    ).toBe('Forbidden: not allowed on this type');
    expect(tooLong('spec.t', 253)).toEqual({
      reason: 'FieldValueTooLong',
      message: 'Too long: may not be more than 253 bytes',
      field: 'spec.t',
    });
    expect(tooMany('spec.l', 4, 3).reason).toBe('FieldValueTooMany');
    expect(duplicate('spec.l[1]', 'a')).toEqual({
      reason: 'FieldValueDuplicate',
      message: 'Duplicate value: "a"',
      field: 'spec.l[1]',
    });
    expect(unknownField('spec.foo').message).toBe('unknown field "spec.foo"');
  });

  it('writes the strict decoding message', () => {
    expect(strictDecodingMessage(['spec.a', 'spec.b'])).toBe(
      'strict decoding error: unknown field "spec.a", unknown field "spec.b"',
    );
  });

  it('writes the Status message of an Invalid error', () => {
    const one = [required('spec.template')];
    expect(
      invalidStatusMessage(
        'ClusterDeployment',
        'k0rdent.mirantis.com',
        'x',
        one,
      ),
    ).toBe(
      'ClusterDeployment.k0rdent.mirantis.com "x" is invalid: spec.template: Required value',
    );
    expect(
      invalidStatusMessage('Secret', '', 's', [
        ...one,
        ...one,
        invalid('data[a b]', 'a b', 'bad key'),
      ]),
    ).toBe(
      'Secret "s" is invalid: [spec.template: Required value, data[a b]: Invalid value: "a b": bad key]',
    );
  });
});
