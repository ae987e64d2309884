/*
 * What AccessManagement does with its rules: copy chains with every template they list
 * (and the templates' schema ConfigMaps), and Credentials with their identity Secrets,
 * from kcm-system into the target namespaces. Copies carry `managed: "true"`.
 */
import type {
  AccessRule,
  Credential,
  TemplateChainSpec,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import type { KubeObject } from '../../store/types';
import { typed } from '../kube/objects';
import { SYSTEM, copyInto } from './objectBuilders';

type Index = Map<string, KubeObject>;

const keyOf = (kind: string, name: string) => `${kind}/${name}`;

function indexSystem(objects: readonly KubeObject[]): Index {
  const index: Index = new Map();
  for (const object of objects) {
    if (object.metadata.namespace === SYSTEM)
      index.set(keyOf(object.kind, object.metadata.name), object);
  }
  return index;
}

/** The objects one rule brings along for a named resource. */
function closure(index: Index, kind: string, name: string): KubeObject[] {
  const root = index.get(keyOf(kind, name));
  if (!root) return [];
  const result = [root];
  const withSchema = (template: KubeObject | undefined) => {
    if (!template) return;
    result.push(template);
    const schemaName = (
      template.status as { schemaConfigMapName?: string } | undefined
    )?.schemaConfigMapName;
    const schema = schemaName
      ? index.get(keyOf('ConfigMap', schemaName))
      : undefined;
    if (schema) result.push(schema);
  };
  if (kind === 'ClusterTemplateChain' || kind === 'ServiceTemplateChain') {
    const templateKind =
      kind === 'ClusterTemplateChain' ? 'ClusterTemplate' : 'ServiceTemplate';
    for (const entry of (root.spec as TemplateChainSpec | undefined)
      ?.supportedTemplates ?? []) {
      withSchema(index.get(keyOf(templateKind, entry.name)));
    }
  }
  if (kind === 'Credential') {
    const identity = typed<Credential>(root).spec?.identityRef;
    if (identity?.kind === 'Secret' && identity.name) {
      const identitySecret = index.get(keyOf('Secret', identity.name));
      if (identitySecret) result.push(identitySecret);
    }
  }
  return result;
}

function retargetCredential(copy: KubeObject, namespace: string): void {
  const spec = copy.spec as
    | { identityRef?: { namespace?: string } }
    | undefined;
  if (spec?.identityRef?.namespace) spec.identityRef.namespace = namespace;
  delete copy.status;
}

export function accessCopies(
  systemObjects: readonly KubeObject[],
  rules: readonly AccessRule[],
  createdAt: number,
): KubeObject[] {
  const index = indexSystem(systemObjects);
  const copies = new Map<string, KubeObject>();
  for (const rule of rules) {
    for (const target of rule.targetNamespaces?.list ?? []) {
      for (const resource of rule.resources ?? []) {
        for (const name of resource.names ?? []) {
          for (const source of closure(index, resource.kind, name)) {
            const key = `${target}/${source.kind}/${source.metadata.name}`;
            if (copies.has(key)) continue;
            const copy = copyInto(source, target, createdAt);
            if (copy.kind === 'Credential') retargetCredential(copy, target);
            copies.set(key, copy);
          }
        }
      }
    }
  }
  return [...copies.values()];
}
