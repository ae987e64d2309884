/*
 * The simulator's seeds (the objects it starts with) must be valid against the
 * upstream CRDs, statuses included: otherwise the plugins would be developed
 * against objects a real management cluster never serves.
 */
import { demoSeed, emptySeed, scaleSeed } from '@k0rdent-backstage/k0rdent-sim';
import { expectValidAgainstUpstream } from './expectValidAgainstUpstream';
import { loadUpstreamCrds } from './upstreamCrds';

// Fails the whole file, with the folder and the variable to set, when the CRDs are missing.
loadUpstreamCrds();

/** The core kinds have no CRD upstream; the contract is about the k0rdent kinds. */
function k0rdentObjects(objects: ReturnType<typeof demoSeed>) {
  return objects.filter(o => o.apiVersion.includes('k0rdent.mirantis.com'));
}

describe('simulator seeds', () => {
  it('demoSeed() objects are valid against the upstream CRDs', () => {
    expectValidAgainstUpstream(k0rdentObjects(demoSeed()));
  });

  it('emptySeed() objects are valid against the upstream CRDs', () => {
    expectValidAgainstUpstream(k0rdentObjects(emptySeed()));
  });

  it('scaleSeed(50) objects are valid against the upstream CRDs', () => {
    expectValidAgainstUpstream(k0rdentObjects(scaleSeed(50)));
  });
});
