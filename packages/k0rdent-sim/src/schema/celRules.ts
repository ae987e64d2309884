/*
 * The `x-kubernetes-validations` (CEL) rules of the k0rdent CRDs, evaluated without a
 * CEL interpreter: each rule text the CRDs use is a key of the table below, mapped
 * to a small function that does what the expression says. The rules are few and
 * simple (immutability, "exactly one of", "mutually exclusive"), and a table keeps
 * the behaviour explicit and reviewable. A rule missing from the table is skipped
 * (the simulator accepts rather than rejects what it cannot judge); the contract
 * tests fail when the upstream CRDs carry a rule the table does not know, so a new
 * rule is noticed and added here.
 *
 * Semantics follow Kubernetes: `self` is the value at the node carrying the rule,
 * `oldSelf` the value at the same place in the stored object. Rules that mention
 * `oldSelf` (transition rules) only run on updates where the old value exists.
 * Where CEL would fail with "no such key" on a missing field, the functions treat
 * the field as absent: the schema's `required` already reports those cases.
 */

type Rule = (self: unknown, oldSelf: unknown) => boolean;

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** CEL `has(self.a.b)`: the last field is present (intermediate ones assumed present). */
function has(value: unknown, ...path: string[]): boolean {
  let current = value;
  for (const name of path) {
    current = field(current, name);
    if (current === undefined) return false;
  }
  return true;
}

/** Structural equality of JSON values (CEL `==` on objects and lists). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => jsonEqual(item, b[i]))
    );
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(k =>
        jsonEqual(
          (a as Record<string, unknown>)[k],
          (b as Record<string, unknown>)[k],
        ),
      )
    );
  }
  return false;
}

/** How many of the named fields are present. */
function countPresent(self: unknown, names: string[]): number {
  return names.filter(n => has(self, n)).length;
}

/** `has(self.a) ? (!has(self.b) && !has(self.c)) : true` */
function excludes(first: string, ...others: string[]): Rule {
  return self => !has(self, first) || others.every(o => !has(self, o));
}

/** `has(self.a) || has(self.b) || ...` */
function anyPresent(...names: string[]): Rule {
  return self => countPresent(self, names) > 0;
}

/** `(has(self.a) ? 1 : 0) + ... <= 1` */
function atMostOne(...names: string[]): Rule {
  return self => countPresent(self, names) <= 1;
}

const str = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, name) => field(v, name), value);

/** Every rule text found in the k0rdent and KOF CRDs, with what it means. */
export const CEL_RULES: Readonly<Record<string, Rule>> = {
  // Immutability (templates, chains, DataSource, ClusterAuditPolicy specs; Region refs;
  // Credential region; ClusterDataSource schema).
  'self == oldSelf': (self, oldSelf) => jsonEqual(self, oldSelf),
  // "immutable once set": provider name, IPAM claim and cluster references.
  "oldSelf == '' || self == oldSelf": (self, oldSelf) =>
    oldSelf === '' || jsonEqual(self, oldSelf),

  // Region: exactly one of kubeConfig or clusterDeployment.
  'has(self.kubeConfig) != has(self.clusterDeployment)': self =>
    has(self, 'kubeConfig') !== has(self, 'clusterDeployment'),
  // Sveltos policyRefs: either remoteURL or kind.
  'has(self.remoteURL) != has(self.kind)': self =>
    has(self, 'remoteURL') !== has(self, 'kind'),

  // AccessManagement selectors.
  '((has(self.names) ? 1 : 0) + (has(self.selector) ? 1 : 0) + (has(self.stringSelector) ? 1 : 0)) <= 1':
    atMostOne('names', 'selector', 'stringSelector'),
  '((has(self.stringSelector) ? 1 : 0) + (has(self.selector) ? 1 : 0) + (has(self.list) ? 1 : 0)) <= 1':
    atMostOne('stringSelector', 'selector', 'list'),

  // Cluster/ProviderTemplate: no chartSource.
  '!has(self.helm.chartSource)': self => !has(self, 'helm', 'chartSource'),
  // Template helm: exactly one of chartSpec, chartRef, chartSource.
  '(has(self.chartSpec) ? (!has(self.chartSource) && !has(self.chartRef)): true)':
    excludes('chartSpec', 'chartSource', 'chartRef'),
  '(has(self.chartSource) ? (!has(self.chartSpec) && !has(self.chartRef)): true)':
    excludes('chartSource', 'chartSpec', 'chartRef'),
  '(has(self.chartRef) ? (!has(self.chartSpec) && !has(self.chartSource)): true)':
    excludes('chartRef', 'chartSpec', 'chartSource'),
  'has(self.chartSpec) || has(self.chartRef) || has(self.chartSource)':
    anyPresent('chartSpec', 'chartRef', 'chartSource'),
  "!has(self.verify) || self.sourceRef.kind == 'HelmRepository'": self =>
    !has(self, 'verify') || str(self, 'sourceRef', 'kind') === 'HelmRepository',

  // ServiceTemplate: exactly one of helm, kustomize, resources.
  'has(self.helm) ? (!has(self.kustomize) && !has(self.resources)): true':
    excludes('helm', 'kustomize', 'resources'),
  'has(self.kustomize) ? (!has(self.helm) && !has(self.resources)): true':
    excludes('kustomize', 'helm', 'resources'),
  'has(self.resources) ? (!has(self.kustomize) && !has(self.helm)): true':
    excludes('resources', 'kustomize', 'helm'),
  'has(self.helm) || has(self.kustomize) || has(self.resources)': anyPresent(
    'helm',
    'kustomize',
    'resources',
  ),

  // SourceSpec (chartSource, kustomize, resources): local xor remote source.
  "has(self.localSourceRef) ? (self.localSourceRef.kind != 'Secret' && self.localSourceRef.kind != 'ConfigMap'): true":
    self => {
      if (!has(self, 'localSourceRef')) return true;
      const kind = str(self, 'localSourceRef', 'kind');
      return kind !== 'Secret' && kind !== 'ConfigMap';
    },
  'has(self.localSourceRef) ? !has(self.remoteSourceSpec): true': excludes(
    'localSourceRef',
    'remoteSourceSpec',
  ),
  'has(self.remoteSourceSpec) ? !has(self.localSourceRef): true': excludes(
    'remoteSourceSpec',
    'localSourceRef',
  ),
  'has(self.localSourceRef) || has(self.remoteSourceSpec)': anyPresent(
    'localSourceRef',
    'remoteSourceSpec',
  ),
  // remoteSourceSpec: exactly one of git, bucket, oci.
  'has(self.git) ? (!has(self.bucket) && !has(self.oci)) : true': excludes(
    'git',
    'bucket',
    'oci',
  ),
  'has(self.bucket) ? (!has(self.git) && !has(self.oci)) : true': excludes(
    'bucket',
    'git',
    'oci',
  ),
  'has(self.oci) ? (!has(self.git) && !has(self.bucket)) : true': excludes(
    'oci',
    'git',
    'bucket',
  ),
  'has(self.git) || has(self.bucket) || has(self.oci)': anyPresent(
    'git',
    'bucket',
    'oci',
  ),

  // Embedded Flux Bucket spec.
  "self.provider == 'aws' || self.provider == 'generic' || !has(self.sts)":
    self =>
      str(self, 'provider') === 'aws' ||
      str(self, 'provider') === 'generic' ||
      !has(self, 'sts'),
  "self.provider != 'aws' || !has(self.sts) || self.sts.provider == 'aws'":
    self =>
      str(self, 'provider') !== 'aws' ||
      !has(self, 'sts') ||
      str(self, 'sts', 'provider') === 'aws',
  "self.provider != 'generic' || !has(self.sts) || self.sts.provider == 'ldap'":
    self =>
      str(self, 'provider') !== 'generic' ||
      !has(self, 'sts') ||
      str(self, 'sts', 'provider') === 'ldap',
  "!has(self.sts) || self.sts.provider != 'aws' || !has(self.sts.secretRef)":
    self =>
      !has(self, 'sts') ||
      str(self, 'sts', 'provider') !== 'aws' ||
      !has(self, 'sts', 'secretRef'),
  "!has(self.sts) || self.sts.provider != 'aws' || !has(self.sts.certSecretRef)":
    self =>
      !has(self, 'sts') ||
      str(self, 'sts', 'provider') !== 'aws' ||
      !has(self, 'sts', 'certSecretRef'),
  "self.provider != 'generic' || !has(self.serviceAccountName)": self =>
    str(self, 'provider') !== 'generic' || !has(self, 'serviceAccountName'),
  '!has(self.secretRef) || !has(self.serviceAccountName)': self =>
    !has(self, 'secretRef') || !has(self, 'serviceAccountName'),
  // Embedded Flux GitRepository spec.
  "!has(self.serviceAccountName) || (has(self.provider) && (self.provider == 'azure' || self.provider == 'aws'))":
    self =>
      !has(self, 'serviceAccountName') ||
      str(self, 'provider') === 'azure' ||
      str(self, 'provider') === 'aws',
};

/** Whether a rule compares with the stored object (mentions `oldSelf`). */
export function isTransitionRule(rule: string): boolean {
  return /\boldSelf\b/.test(rule);
}

/** Whether the table knows a rule text. */
export function isKnownRule(rule: string): boolean {
  return Object.prototype.hasOwnProperty.call(CEL_RULES, rule);
}

/**
 * Evaluates one rule: true when it holds, false when it is violated, undefined when
 * the table does not know the rule (the caller skips it).
 */
export function evaluateRule(
  rule: string,
  self: unknown,
  oldSelf?: unknown,
): boolean | undefined {
  if (!isKnownRule(rule)) return undefined;
  return CEL_RULES[rule](self, oldSelf);
}
