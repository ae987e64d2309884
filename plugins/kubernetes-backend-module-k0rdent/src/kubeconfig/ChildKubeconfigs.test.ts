import { mockServices } from '@backstage/backend-test-utils';
import {
  childKubeconfig,
  kubeconfigSecret,
} from '../__testUtils__/simulatedFleet';
import { ChildKubeconfigs } from './ChildKubeconfigs';

const location = { managementCluster: 'mc', namespace: 'ns', name: 'c' };
const secret = (token: string) =>
  kubeconfigSecret(
    'ns',
    'c',
    childKubeconfig({ server: 'https://c.example:6443', user: { token } }),
  );

function setup() {
  let now = 0;
  const reads: string[] = [];
  let answer: () => Promise<any> = async () => undefined;
  const kubeconfigs = new ChildKubeconfigs({
    readSecret: async (mc, ns, name) => {
      reads.push(`${mc}/${ns}/${name}`);
      return answer();
    },
    isReachable: () => true,
    logger: mockServices.logger.mock(),
    now: () => now,
  });
  return {
    kubeconfigs,
    reads,
    answer: (fn: () => Promise<any>) => {
      answer = fn;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ChildKubeconfigs', () => {
  it('reads the Secret `<cluster>-kubeconfig` once for many concurrent callers', async () => {
    const { kubeconfigs, reads, answer } = setup();
    answer(async () => secret('t'));
    const results = await Promise.all([
      kubeconfigs.credential(location),
      kubeconfigs.credential(location),
      kubeconfigs.listable(location).pending,
    ]);
    expect(reads).toEqual(['mc/ns/c-kubeconfig']);
    expect(results[0]).toEqual(results[1]);
    expect(kubeconfigs.endpoint(location)).toEqual({
      server: 'https://c.example:6443',
      caData: Buffer.from('CA').toString('base64'),
    });
  });

  it('asks again for a missing kubeconfig after 30 s, then after 60 s, …', async () => {
    const { kubeconfigs, reads, answer, advance } = setup();
    answer(async () => undefined);
    await kubeconfigs.listable(location).pending;
    expect(kubeconfigs.listable(location)).toEqual({});
    advance(29_000);
    expect(kubeconfigs.listable(location)).toEqual({});
    advance(1_000);
    await kubeconfigs.listable(location).pending;
    expect(reads).toHaveLength(2);
    advance(30_000);
    expect(kubeconfigs.listable(location)).toEqual({});
    expect(reads).toHaveLength(2);

    answer(async () => secret('t'));
    advance(30_000);
    await kubeconfigs.listable(location).pending;
    expect(reads).toHaveLength(3);
    expect(kubeconfigs.listable(location).endpoint?.server).toBe(
      'https://c.example:6443',
    );
  });

  it('starts afresh for a cluster created again under the same name', async () => {
    const { kubeconfigs, answer } = setup();
    answer(async () => secret('old'));
    await kubeconfigs.credential({ ...location, uid: 'first' });
    expect(kubeconfigs.holdsCredential({ ...location, uid: 'first' })).toBe(
      true,
    );
    expect(kubeconfigs.holdsCredential({ ...location, uid: 'second' })).toBe(
      false,
    );
  });
});
