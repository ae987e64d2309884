import { SimApiError } from '../errors';
import { parseFieldSelector } from './fieldSelector';
import { parseLabelSelector } from './labelSelector';
import type { KubeObject } from './types';

describe('parseLabelSelector', () => {
  const labels = { env: 'prod', tier: 'web', empty: '', size: '5' };
  it.each([
    ['', true],
    ['env=prod', true],
    ['env==prod', true],
    ['env=dev', false],
    ['env!=dev', true],
    ['missing!=x', true],
    ['env in (dev, prod)', true],
    ['env notin (dev,prod)', false],
    ['missing notin (x)', true],
    ['env', true],
    ['!env', false],
    ['!missing', true],
    ['empty=', true],
    ['size>4', true],
    ['size<4', false],
    ['env=prod,tier=web', true],
    ['env=prod, tier=db', false],
    ['env in (prod),!missing,tier', true],
  ])('%s → %s', (selector, expected) => {
    expect(parseLabelSelector(selector).matches(labels)).toBe(expected);
  });

  it('treats an object without labels like empty labels', () => {
    expect(parseLabelSelector('!env').matches(undefined)).toBe(true);
    expect(parseLabelSelector('env').matches(undefined)).toBe(false);
  });

  it.each(['env in prod', 'env in (a', '=x', 'a,,b', 'a>x'])(
    'rejects %s with 400',
    selector => {
      let error: unknown;
      try {
        parseLabelSelector(selector);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(SimApiError);
      expect((error as SimApiError).code).toBe(400);
    },
  );
});

describe('parseFieldSelector', () => {
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'a', namespace: 'ns' },
    involvedObject: { name: 'cd-1', kind: 'ClusterDeployment' },
    reason: 'Ready',
  };
  it('matches metadata.name and metadata.namespace with =, == and !=', () => {
    expect(
      parseFieldSelector('metadata.name=a', 'ClusterDeployment').matches(
        object,
      ),
    ).toBe(true);
    expect(
      parseFieldSelector('metadata.name==b', 'ClusterDeployment').matches(
        object,
      ),
    ).toBe(false);
    expect(
      parseFieldSelector(
        'metadata.namespace!=other,metadata.name=a',
        'ClusterDeployment',
      ).matches(object),
    ).toBe(true);
  });

  it('supports the extra Event fields', () => {
    expect(
      parseFieldSelector(
        'involvedObject.name=cd-1,reason=Ready',
        'Event',
      ).matches(object),
    ).toBe(true);
  });

  it('rejects unsupported fields as the real server does', () => {
    expect(() =>
      parseFieldSelector('spec.template=x', 'ClusterDeployment'),
    ).toThrow('field label not supported: spec.template');
  });
});
