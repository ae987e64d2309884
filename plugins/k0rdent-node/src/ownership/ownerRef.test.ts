import { normalizeOwnerRef } from './ownerRef';

describe('normalizeOwnerRef', () => {
  it.each([
    ['payments', 'group:default/payments'],
    ['  payments  ', 'group:default/payments'],
    ['group:payments', 'group:default/payments'],
    ['Group:ops/payments', 'group:ops/payments'],
    ['user:jane.doe', 'user:default/jane.doe'],
    ['USER:default/jane', 'user:default/jane'],
  ])('normalizes %j to %j', (value, ref) => {
    expect(normalizeOwnerRef(value)).toBe(ref);
  });

  it.each([
    [undefined],
    [''],
    ['   '],
    [42],
    [{ kind: 'group', name: 'x' }],
    ['component:default/payments'],
    ['system:payments'],
    ['team payments'],
    ['group:default/'],
    ['group:Not_A_Namespace/payments'],
    ['a'.repeat(64)],
    ['-payments'],
    ['group:default/payments/extra'],
  ])('rejects %j', value => {
    expect(normalizeOwnerRef(value)).toBeUndefined();
  });
});
