/*
 * The simulator's seeds (the objects it starts with) must be valid against the
 * upstream CRDs, statuses included: otherwise the plugins would be developed
 * against objects a real management cluster never serves.
 *
 * The seeds are looked up at run time, so this file compiles before they are
 * exported: until `demoSeed` / `scaleSeed` are exported from
 * `@k0rdent-backstage/k0rdent-sim`, their tests show up as "todo".
 */
import * as sim from '@k0rdent-backstage/k0rdent-sim';
import {
  expectValidAgainstUpstream,
  type KubeObject,
} from './expectValidAgainstUpstream';
import { loadUpstreamCrds } from './upstreamCrds';

// Fails the whole file, with the folder and the variable to set, when the CRDs are missing.
loadUpstreamCrds();

type SeedFunction = (...args: unknown[]) => unknown;
const exported = sim as unknown as Partial<Record<string, SeedFunction>>;

/** The seeds to check: the exported function's name and the arguments to call it with. */
const SEEDS: Array<{ name: string; args: unknown[] }> = [
  { name: 'demoSeed', args: [] },
  { name: 'scaleSeed', args: [50] },
];

function objectsOf(label: string, result: unknown): KubeObject[] {
  if (!Array.isArray(result)) {
    throw new Error(`${label} did not return an array of objects`);
  }
  return result as KubeObject[];
}

describe('simulator seeds', () => {
  for (const { name, args } of SEEDS) {
    const seed = exported[name];
    const label = `${name}(${args.join(', ')})`;
    if (typeof seed !== 'function') {
      it.todo(
        `${label}: validate once ${name} is exported from @k0rdent-backstage/k0rdent-sim`,
      );
      continue;
    }
    it(`${label} objects are valid against the upstream CRDs`, () => {
      expectValidAgainstUpstream(objectsOf(label, seed(...args)));
    });
  }
});
