/*
 * What a simulator starts with: the demo (or empty) seed, plus a number of generated
 * Ready clusters from the scale seed. Both seeds bring templates, credentials and the
 * like; where they bring the same object, the base seed's copy is kept.
 */
import type { KubeObject } from '../../store/types';
import { demoSeed } from './demoSeed';
import { emptySeed } from './emptySeed';
import { scaleSeed } from './scaleSeed';
import type { SeedOptions } from './seedTime';

export interface SimulatorSeedOptions extends SeedOptions {
  /** `demo` (default): a realistic fleet; `empty`: a freshly installed management cluster. */
  seed?: 'demo' | 'empty';
  /** Adds this many generated, Ready ClusterDeployments (`scale-00000` …). */
  clusters?: number;
}

export function simulatorSeed(
  options: SimulatorSeedOptions = {},
): KubeObject[] {
  const { now } = options;
  const base =
    options.seed === 'empty' ? emptySeed({ now }) : demoSeed({ now });
  if (!options.clusters) {
    return base;
  }
  const seen = new Set(base.map(identityOf));
  return [
    ...base,
    ...scaleSeed(options.clusters, { now }).filter(
      o => !seen.has(identityOf(o)),
    ),
  ];
}

function identityOf(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${
    object.metadata.name
  }`;
}
