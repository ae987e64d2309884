/*
 * Where a k0rdent field finds the management cluster, namespace and template
 * it depends on: in sibling form values, named by its `ui:options`. Fields in
 * one scaffolder step see each other's values through `formContext.formData`
 * (the whole form, all steps), and validators get the same object as
 * `context.formData`, so both read it the same way here.
 */

/**
 * `ui:options` of every k0rdent field that depends on a management cluster
 * and namespace chosen elsewhere in the form.
 *
 * @public
 */
export type K0rdentScopeUiOptions = {
  /** Form value holding the management cluster name (default `managementCluster`). */
  managementClusterField?: string;
  /** Form value holding the namespace (default `namespace`). */
  namespaceField?: string;
};

/**
 * `ui:options` of the k0rdent fields that also depend on a chosen ClusterTemplate.
 *
 * @public
 */
export type K0rdentTemplateScopeUiOptions = K0rdentScopeUiOptions & {
  /** Form value holding the ClusterTemplate name. */
  templateField?: string;
};

/** The values a field depends on; absent when not (yet) filled in. */
export interface K0rdentScope {
  managementCluster?: string;
  namespace?: string;
  template?: string;
}

/** The default names of the sibling values. */
export const DEFAULT_SCOPE_FIELDS = {
  managementClusterField: 'managementCluster',
  namespaceField: 'namespace',
  templateField: 'template',
} as const;

/** A non-empty string at a dotted path of the form data, or undefined. */
export function formValue(formData: unknown, path: string): string | undefined {
  let current: unknown = formData;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' && current !== '' ? current : undefined;
}

/**
 * The scope a field works in. `templateField` is read only when `withTemplate`
 * says so: `true` falls back to the default name, `'if-configured'` reads it
 * only when the options name a field.
 */
export function readScope(
  formData: unknown,
  options: K0rdentTemplateScopeUiOptions | undefined,
  withTemplate: boolean | 'if-configured' = false,
): K0rdentScope {
  const scope: K0rdentScope = {
    managementCluster: formValue(
      formData,
      options?.managementClusterField ??
        DEFAULT_SCOPE_FIELDS.managementClusterField,
    ),
    namespace: formValue(
      formData,
      options?.namespaceField ?? DEFAULT_SCOPE_FIELDS.namespaceField,
    ),
  };
  const templateField =
    options?.templateField ??
    (withTemplate === true ? DEFAULT_SCOPE_FIELDS.templateField : undefined);
  if (withTemplate && templateField) {
    scope.template = formValue(formData, templateField);
  }
  return scope;
}

/** Which sibling values are missing, for a "choose … first" hint. */
export function missingScope(
  scope: K0rdentScope,
  needed: Array<keyof K0rdentScope>,
): string[] {
  const labels: Record<keyof K0rdentScope, string> = {
    managementCluster: 'management cluster',
    namespace: 'namespace',
    template: 'template',
  };
  return needed.filter(key => !scope[key]).map(key => labels[key]);
}

/** "Choose the management cluster and namespace first." */
export function chooseFirstHint(missing: string[]): string | undefined {
  if (missing.length === 0) return undefined;
  const list =
    missing.length === 1
      ? missing[0]
      : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  return `Choose the ${list} first.`;
}
