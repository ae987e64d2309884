/*
 * The upstream k0rdent CRDs the contract tests compare against. They live outside
 * the repository: in the folder named by K0RDENT_CRDS_DIR, or by default in
 * `<repo root>/../shared/k0rdent/crds` (CI clones the repository next to a `shared`
 * folder). A missing or empty folder is an error, never a skip: contract tests
 * that quietly do nothing would prove nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  isCustomResourceDefinition,
  type CustomResourceDefinition,
  type ResourceDefinition,
} from '@k0rdent-backstage/k0rdent-sim';

/** The environment variable that points at the upstream CRD folder. */
export const CRDS_DIR_VARIABLE = 'K0RDENT_CRDS_DIR';

/**
 * The repository root (this file is packages/k0rdent-contract-tests/src/upstreamCrds.ts).
 * The package only runs as tests from its source, never bundled, so __dirname is src/.
 */
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = path.resolve(__dirname, '../../..');

/** One upstream CRD file, parsed. */
export interface UpstreamCrd {
  /** The file it came from. */
  file: string;
  crd: CustomResourceDefinition;
}

/** The folder the upstream CRDs are read from. */
export function upstreamCrdsDir(): string {
  const fromEnv = process.env[CRDS_DIR_VARIABLE];
  return fromEnv
    ? path.resolve(fromEnv)
    : path.resolve(REPO_ROOT, '..', 'shared', 'k0rdent', 'crds');
}

function missing(dir: string, why: string): Error {
  return new Error(
    [
      `Upstream k0rdent CRDs not found: ${why}.`,
      `Looked in ${dir}${
        process.env[CRDS_DIR_VARIABLE]
          ? ` (from ${CRDS_DIR_VARIABLE})`
          : ` (the default; ${CRDS_DIR_VARIABLE} is not set)`
      }.`,
      `Set ${CRDS_DIR_VARIABLE} to the folder holding the upstream CRD manifests`,
      '(k0rdent.mirantis.com_*.yaml, kof.k0rdent.mirantis.com_*.yaml), or clone the',
      'repository next to a "shared" folder that has them in shared/k0rdent/crds.',
    ].join('\n'),
  );
}

let cache: { dir: string; crds: UpstreamCrd[] } | undefined;

/** Every CustomResourceDefinition in the upstream folder; throws when there are none. */
export function loadUpstreamCrds(): UpstreamCrd[] {
  const dir = upstreamCrdsDir();
  if (cache?.dir === dir) return cache.crds;
  if (!fs.existsSync(dir)) throw missing(dir, 'the folder does not exist');
  if (!fs.statSync(dir).isDirectory()) throw missing(dir, 'it is not a folder');
  const crds: UpstreamCrd[] = [];
  const files = fs
    .readdirSync(dir)
    .filter(f => /\.ya?ml$/.test(f))
    .sort();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const doc of YAML.parseAllDocuments(text)) {
      if (doc.errors.length > 0) {
        throw new Error(`${file}: ${doc.errors[0].message}`);
      }
      const value = doc.toJS();
      if (isCustomResourceDefinition(value)) crds.push({ file, crd: value });
    }
  }
  if (crds.length === 0) {
    throw missing(dir, 'the folder has no CustomResourceDefinition YAML files');
  }
  cache = { dir, crds };
  return crds;
}

/**
 * An upstream CRD as a definition for the shared validator: its storage version's
 * schema as published (descriptions included), names and scope.
 */
export function upstreamDefinition(
  crd: CustomResourceDefinition,
): ResourceDefinition {
  const storage = crd.spec.versions.find(v => v.storage);
  if (!storage?.schema) {
    throw new Error(`${crd.metadata.name}: no storage version with a schema`);
  }
  return {
    group: crd.spec.group,
    version: storage.name,
    names: crd.spec.names,
    scope: crd.spec.scope,
    subresources: storage.subresources,
    additionalPrinterColumns: storage.additionalPrinterColumns,
    schema: storage.schema.openAPIV3Schema,
  };
}

/** The upstream definition of a kind, or undefined when upstream has no CRD for it. */
export function upstreamDefinitionOf(
  kind: string,
): ResourceDefinition | undefined {
  const found = loadUpstreamCrds().find(u => u.crd.spec.names.kind === kind);
  return found && upstreamDefinition(found.crd);
}
