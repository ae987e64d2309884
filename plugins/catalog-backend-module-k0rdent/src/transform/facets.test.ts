import { credentialStatus, templateStatus, toTag } from './facets';
import { clusterTemplate, credential } from './__testUtils__/fleet';

describe('toTag', () => {
  it.each([
    ['aws', 'aws'],
    ['k0sproject-k0smotron', 'k0sproject-k0smotron'],
    ['Azure Stack', 'azure-stack'],
    ['--v1.36.3+k0s.2--', 'v1-36-3+k0s-2'],
    ['a__b', 'a-b'],
    ['x'.repeat(80), 'x'.repeat(63)],
  ])('%j → %j', (value, tag) => {
    expect(toTag(value)).toBe(tag);
  });

  it.each([[undefined], [''], ['___'], ['..']])('%j → undefined', value => {
    expect(toTag(value)).toBeUndefined();
  });
});

describe('templateStatus', () => {
  it('is Valid, Invalid or unknown before the controller looked', () => {
    expect(
      templateStatus(clusterTemplate('t', { status: { valid: true } })),
    ).toBe('Valid');
    expect(
      templateStatus(clusterTemplate('t', { status: { valid: false } })),
    ).toBe('Invalid');
    expect(templateStatus(clusterTemplate('t'))).toBeUndefined();
  });
});

describe('credentialStatus', () => {
  it('is Ready only when status.ready is true', () => {
    expect(credentialStatus(credential('c', { status: { ready: true } }))).toBe(
      'Ready',
    );
    expect(
      credentialStatus(credential('c', { status: { ready: false } })),
    ).toBe('NotReady');
    expect(credentialStatus(credential('c'))).toBe('NotReady');
  });
});
