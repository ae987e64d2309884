import {
  clusterPhase,
  type ClusterDeployment,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { demoSeed } from '../seeds/demoSeed';
import { scaleSeed } from '../seeds/scaleSeed';
import { DEFAULT_SEED_NOW } from '../seeds/seedTime';
import { simulatorSeed } from '../seeds/simulatorSeed';
import { startHarness } from '../testing/controllerHarness';

/** The clusters (and what they drag along) the seed shows in flight. */
const IN_FLIGHT = new Set([
  'edge-vsphere-02',
  'eu-prod-02',
  'payments-eks-staging',
  'data-aws-spark',
  'ml-aws-hosted',
  'decommission-gcp',
]);

describe('controllers over the demo seed', () => {
  it('leave every settled object as seeded (the seed is a fixed point)', () => {
    const h = startHarness({
      objects: demoSeed(),
      now: DEFAULT_SEED_NOW,
      provisioningMillis: 60_000,
    });
    const touched = h.store.events
      .filter(e => e.type !== 'ADDED')
      .map(
        e =>
          `${e.object.kind}/${e.object.metadata.namespace ?? ''}/${
            e.object.metadata.name
          }`,
      );
    const unexpected = [...new Set(touched)].filter(key => {
      const [kind, , name] = key.split('/');
      if (kind === 'ClusterDeployment') return !IN_FLIGHT.has(name);
      // MultiClusterServices report the clusters that are still coming up.
      return kind !== 'MultiClusterService' && kind !== 'Region';
    });
    expect(unexpected).toEqual([]);
    h.stop();
  });

  it('bring the in-flight clusters to their end state', () => {
    const h = startHarness({
      objects: demoSeed(),
      now: DEFAULT_SEED_NOW,
      provisioningMillis: 60_000,
    });
    h.advance(5 * 60_000);
    const phases = Object.fromEntries(
      h.store
        .list('ClusterDeployment')
        .map(o => [
          o.metadata.name,
          clusterPhase(o as unknown as ClusterDeployment),
        ]),
    );
    expect(phases['decommission-gcp']).toBeUndefined();
    for (const name of [
      'edge-vsphere-02',
      'eu-prod-02',
      'payments-eks-staging',
      'data-aws-spark',
      'ml-aws-hosted',
    ]) {
      expect([name, phases[name]]).toEqual([name, 'Ready']);
    }
    expect(phases['os-staging']).toBe('Failed');
    expect(phases['payments-aws-canary']).toBe('Failed');
    h.stop();
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('leave the scale seed untouched too', () => {
    const h = startHarness({
      objects: scaleSeed(1000),
      now: DEFAULT_SEED_NOW,
      provisioningMillis: 60_000,
    });
    expect(h.store.events).toEqual([]);
    h.stop();
  });

  it('leave the generated clusters of the simulator seed (demo + scale) Ready while time passes', () => {
    // What startSimulator({ clusters }) loads, under controllers on a clock that moves
    // on while they reconcile (as the wall clock does): a millisecond per read.
    const objects = simulatorSeed({ seed: 'demo', clusters: 500 });
    expect(
      objects.filter(
        o =>
          o.kind === 'ClusterDeployment' &&
          o.metadata.name.startsWith('scale-'),
      ),
    ).toHaveLength(500);
    const h = startHarness({
      objects,
      now: DEFAULT_SEED_NOW,
      provisioningMillis: 300,
      msPerClockRead: 1,
    });
    // Long enough for the demo's in-flight clusters to finish and everything to react.
    h.advance(10 * 300);
    const changed = h.store.events
      .filter(e => e.object.metadata.name.startsWith('scale-'))
      .map(
        e =>
          `${e.object.kind} ${e.object.metadata.name}: ${
            e.previous
              ? clusterPhase(e.previous as unknown as ClusterDeployment)
              : 'new'
          } -> ${clusterPhase(e.object as unknown as ClusterDeployment)}`,
      );
    expect(changed).toEqual([]);
    h.stop();
  });

  it('finish a seeded deletion even when the store drops deletionTimestamp on load', () => {
    const objects = demoSeed();
    const deleting = objects.find(o => o.metadata.name === 'decommission-gcp')!;
    delete deleting.metadata.deletionTimestamp;
    const h = startHarness({
      objects,
      now: DEFAULT_SEED_NOW,
      provisioningMillis: 60_000,
    });
    expect(
      h.get<ClusterDeployment>(
        'ClusterDeployment',
        'decommission-gcp',
        'kcm-system',
      )?.metadata.deletionTimestamp,
    ).toBeDefined();
    h.advance(60_000);
    expect(
      h.get('ClusterDeployment', 'decommission-gcp', 'kcm-system'),
    ).toBeUndefined();
    h.stop();
  });
});
