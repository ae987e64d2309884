/*
 * Checks objects our packages produce (simulator seeds, manifest builders, ...)
 * against the upstream k0rdent CRDs, with the same validator the simulator uses
 * and strict unknown-field checking: an object that passes here would be accepted
 * by a real management cluster's API server with `fieldValidation=Strict`
 * (webhooks aside). Core kinds (Secret, ConfigMap, ...) have no upstream CRD and
 * are checked against the simulator's hand-written schemas.
 */
import {
  getSchema,
  validateResource,
  type ResourceDefinition,
} from '@k0rdent-backstage/k0rdent-sim';
import { upstreamDefinitionOf } from './upstreamCrds';

import type { KubeObject } from '@k0rdent-backstage/plugin-k0rdent-common';

/** A Kubernetes object, as the simulator's validator takes it. */
export type { KubeObject };

/** One problem with one object. */
export interface UpstreamViolation {
  /** `Kind namespace/name`, or `Kind name` for cluster-scoped objects. */
  object: string;
  field: string;
  message: string;
  reason: string;
}

function describe(object: KubeObject): string {
  const name = object.metadata?.name ?? '<no name>';
  const where = object.metadata?.namespace
    ? `${object.metadata.namespace}/${name}`
    : name;
  return `${object.kind ?? '<no kind>'} ${where}`;
}

/** The definition an object is checked against: upstream CRD, else a core kind's schema. */
function definitionFor(kind: string): ResourceDefinition | undefined {
  const upstream = upstreamDefinitionOf(kind);
  if (upstream) return upstream;
  const own = getSchema(kind);
  return own && own.group === '' ? own : undefined;
}

/**
 * The violations of each object (none when all are valid). `oldObjects` pairs an
 * object with its stored predecessor (by kind/namespace/name) to check transition
 * rules such as immutable specs.
 */
export function validateAgainstUpstream(
  objects: KubeObject[],
  oldObjects: KubeObject[] = [],
): UpstreamViolation[] {
  const key = (o: KubeObject) =>
    `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
  const olds = new Map(oldObjects.map(o => [key(o), o]));
  const violations: UpstreamViolation[] = [];
  for (const object of objects) {
    const definition = definitionFor(object.kind);
    if (!definition) {
      violations.push({
        object: describe(object),
        field: 'kind',
        reason: 'FieldValueNotSupported',
        message: `no upstream CRD defines kind ${JSON.stringify(
          object.kind,
        )} and it is not a core kind the simulator serves`,
      });
      continue;
    }
    const causes = validateResource(definition, object, olds.get(key(object)), {
      strict: true,
    });
    for (const cause of causes) {
      violations.push({ object: describe(object), ...cause });
    }
  }
  return violations;
}

/** A readable report: each failing object, then its fields and messages. */
export function formatViolations(
  violations: UpstreamViolation[],
  total: number,
): string {
  const byObject = new Map<string, UpstreamViolation[]>();
  for (const v of violations) {
    byObject.set(v.object, [...(byObject.get(v.object) ?? []), v]);
  }
  const lines = [
    `${byObject.size} of ${total} objects do not match the upstream k0rdent CRDs:`,
  ];
  for (const [object, list] of byObject) {
    lines.push(`  ${object}`);
    for (const v of list) lines.push(`    ${v.field}: ${v.message}`);
  }
  return lines.join('\n');
}

/**
 * Throws a readable error listing every object, field and message that the upstream
 * CRDs reject (strict unknown-field checking included). Also throws for an empty
 * list, so a producer that silently returns nothing does not pass.
 */
export function expectValidAgainstUpstream(
  objects: KubeObject[],
  oldObjects: KubeObject[] = [],
): void {
  if (objects.length === 0) {
    throw new Error('expectValidAgainstUpstream: no objects to check');
  }
  const violations = validateAgainstUpstream(objects, oldObjects);
  if (violations.length > 0) {
    throw new Error(formatViolations(violations, objects.length));
  }
}
