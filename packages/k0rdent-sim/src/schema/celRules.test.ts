import {
  CEL_RULES,
  evaluateRule,
  isKnownRule,
  isTransitionRule,
} from './celRules';
import { listDefinitions } from './resources';
import { collectRules } from './validate';

describe('CEL rule table', () => {
  it('knows every rule in the simulator definitions', () => {
    const unknown = listDefinitions().flatMap(d =>
      collectRules(d.schema)
        .filter(({ rule }) => !isKnownRule(rule.rule))
        .map(({ path, rule }) => `${d.names.kind} ${path}: ${rule.rule}`),
    );
    expect(unknown).toEqual([]);
  });

  it('has no entry that no definition uses', () => {
    const used = new Set(
      listDefinitions().flatMap(d =>
        collectRules(d.schema).map(r => r.rule.rule),
      ),
    );
    expect(Object.keys(CEL_RULES).filter(rule => !used.has(rule))).toEqual([]);
  });

  it('returns undefined for rules it does not know', () => {
    expect(evaluateRule('self.size() > 0', [])).toBeUndefined();
  });

  it('tells transition rules apart', () => {
    expect(isTransitionRule('self == oldSelf')).toBe(true);
    expect(isTransitionRule("oldSelf == '' || self == oldSelf")).toBe(true);
    expect(isTransitionRule('has(self.git)')).toBe(false);
  });

  it.each([
    ['self == oldSelf', { a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, true],
    ['self == oldSelf', { a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }, false],
    ['self == oldSelf', { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    ["oldSelf == '' || self == oldSelf", 'new', '', true],
    ["oldSelf == '' || self == oldSelf", 'new', 'old', false],
    ["oldSelf == '' || self == oldSelf", 'same', 'same', true],
  ])('%s with self=%j oldSelf=%j is %s', (rule, self, oldSelf, expected) => {
    expect(evaluateRule(rule, self, oldSelf)).toBe(expected);
  });

  it.each([
    // Region: exactly one reference.
    [
      'has(self.kubeConfig) != has(self.clusterDeployment)',
      { kubeConfig: {} },
      true,
    ],
    ['has(self.kubeConfig) != has(self.clusterDeployment)', {}, false],
    [
      'has(self.kubeConfig) != has(self.clusterDeployment)',
      { kubeConfig: {}, clusterDeployment: {} },
      false,
    ],
    // AccessManagement: at most one selector.
    [
      '((has(self.names) ? 1 : 0) + (has(self.selector) ? 1 : 0) + (has(self.stringSelector) ? 1 : 0)) <= 1',
      { names: ['a'] },
      true,
    ],
    [
      '((has(self.names) ? 1 : 0) + (has(self.selector) ? 1 : 0) + (has(self.stringSelector) ? 1 : 0)) <= 1',
      { names: ['a'], selector: {} },
      false,
    ],
    [
      '((has(self.stringSelector) ? 1 : 0) + (has(self.selector) ? 1 : 0) + (has(self.list) ? 1 : 0)) <= 1',
      {},
      true,
    ],
    // Templates: helm sources.
    ['!has(self.helm.chartSource)', { helm: { chartSpec: {} } }, true],
    ['!has(self.helm.chartSource)', { helm: { chartSource: {} } }, false],
    [
      '(has(self.chartSpec) ? (!has(self.chartSource) && !has(self.chartRef)): true)',
      { chartSpec: {}, chartRef: {} },
      false,
    ],
    [
      '(has(self.chartRef) ? (!has(self.chartSpec) && !has(self.chartSource)): true)',
      { chartRef: {} },
      true,
    ],
    [
      'has(self.chartSpec) || has(self.chartRef) || has(self.chartSource)',
      {},
      false,
    ],
    [
      "!has(self.verify) || self.sourceRef.kind == 'HelmRepository'",
      { verify: {}, sourceRef: { kind: 'GitRepository' } },
      false,
    ],
    // ServiceTemplate: one of helm, kustomize, resources.
    [
      'has(self.helm) ? (!has(self.kustomize) && !has(self.resources)): true',
      { helm: {}, resources: {} },
      false,
    ],
    [
      'has(self.helm) || has(self.kustomize) || has(self.resources)',
      { kustomize: {} },
      true,
    ],
    // Source specs.
    [
      "has(self.localSourceRef) ? (self.localSourceRef.kind != 'Secret' && self.localSourceRef.kind != 'ConfigMap'): true",
      { localSourceRef: { kind: 'ConfigMap' } },
      false,
    ],
    ['has(self.localSourceRef) || has(self.remoteSourceSpec)', {}, false],
    [
      'has(self.git) ? (!has(self.bucket) && !has(self.oci)) : true',
      { git: {}, oci: {} },
      false,
    ],
    ['has(self.git) || has(self.bucket) || has(self.oci)', { oci: {} }, true],
    // Flux Bucket and GitRepository.
    [
      "self.provider == 'aws' || self.provider == 'generic' || !has(self.sts)",
      { provider: 'gcp', sts: {} },
      false,
    ],
    [
      "self.provider != 'generic' || !has(self.sts) || self.sts.provider == 'ldap'",
      { provider: 'generic', sts: { provider: 'ldap' } },
      true,
    ],
    [
      "!has(self.sts) || self.sts.provider != 'aws' || !has(self.sts.secretRef)",
      { sts: { provider: 'aws', secretRef: {} } },
      false,
    ],
    [
      '!has(self.secretRef) || !has(self.serviceAccountName)',
      { secretRef: {}, serviceAccountName: 'x' },
      false,
    ],
    [
      "!has(self.serviceAccountName) || (has(self.provider) && (self.provider == 'azure' || self.provider == 'aws'))",
      { serviceAccountName: 'x', provider: 'generic' },
      false,
    ],
    // Sveltos policyRefs.
    ['has(self.remoteURL) != has(self.kind)', { kind: 'ConfigMap' }, true],
  ])('%s holds for %j: %s', (rule, self, expected) => {
    expect(evaluateRule(rule, self)).toBe(expected);
  });
});
