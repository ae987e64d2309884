/*
 * The simulator's schema definitions (packages/k0rdent-sim/src/schema/definitions)
 * and the kind registry (plugins/k0rdent-common/src/kinds.ts) must agree with the
 * upstream CRDs. When upstream changes a CRD, these tests fail; refresh the
 * definitions with packages/k0rdent-sim/scripts/extract-crd-schemas.ts and update
 * the registry and the CEL rule table as the failures say.
 */
import { KINDS, type KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  collectRules,
  crdToDefinition,
  getSchema,
  isKnownRule,
} from '@k0rdent-backstage/k0rdent-sim';
import { loadUpstreamCrds } from './upstreamCrds';

// Fails the whole file, with the folder and the variable to set, when the CRDs are missing.
const upstream = loadUpstreamCrds();
const registry: KindInfo[] = Object.values(KINDS);
const customKinds = registry.filter(k => k.group !== '');

describe('upstream CRDs and the kind registry', () => {
  it('registers every upstream CRD kind', () => {
    const missing = upstream
      .map(u => u.crd.spec.names.kind)
      .filter(kind => !registry.some(k => k.kind === kind));
    expect(missing).toEqual([]);
  });

  it('has an upstream CRD for every registered non-core kind', () => {
    const kinds = new Set(upstream.map(u => u.crd.spec.names.kind));
    expect(
      customKinds.filter(k => !kinds.has(k.kind)).map(k => k.kind),
    ).toEqual([]);
  });

  it.each(upstream.map(u => [u.crd.spec.names.kind, u] as const))(
    'the registry entry of %s matches the upstream CRD',
    (kind, { crd }) => {
      const info = registry.find(k => k.kind === kind)!;
      const storage = crd.spec.versions.find(v => v.storage)!;
      expect({
        group: info.group,
        version: info.version,
        plural: info.plural,
        singular: info.singular,
        shortNames: [...info.shortNames].sort(),
        namespaced: info.namespaced,
        hasStatus: info.hasStatus,
      }).toEqual({
        group: crd.spec.group,
        version: storage.name,
        plural: crd.spec.names.plural,
        singular: crd.spec.names.singular,
        shortNames: [...(crd.spec.names.shortNames ?? [])].sort(),
        namespaced: crd.spec.scope === 'Namespaced',
        hasStatus: !!storage.subresources?.status,
      });
    },
  );
});

describe('simulator definitions', () => {
  it.each(upstream.map(u => [u.crd.spec.names.kind, u] as const))(
    '%s equals the upstream CRD without descriptions',
    (kind, { crd }) => {
      // On failure: run scripts/extract-crd-schemas.ts in packages/k0rdent-sim.
      expect(getSchema(kind)).toEqual(crdToDefinition(crd));
    },
  );

  it('knows every CEL rule of the upstream CRDs', () => {
    const unknown = upstream.flatMap(({ file, crd }) =>
      crd.spec.versions.flatMap(v =>
        collectRules(v.schema?.openAPIV3Schema ?? {})
          .filter(({ rule }) => !isKnownRule(rule.rule))
          .map(({ path, rule }) => `${file} ${v.name} ${path}: ${rule.rule}`),
      ),
    );
    // On failure: add the rule to packages/k0rdent-sim/src/schema/celRules.ts.
    expect(unknown).toEqual([]);
  });
});
