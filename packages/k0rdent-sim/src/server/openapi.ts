/*
 * OpenAPI documents, enough for kubectl: the v3 index and one document per group
 * version with every kind's schema and paths. kubectl reads the PATCH operations to
 * learn that the server validates fields itself (`fieldValidation` parameter) and
 * which patch types it accepts; without them it falls back to client-side validation
 * against the protobuf v2 document, which we do not serve. Schemas come from a
 * pluggable provider (the CRD schemas); by default every kind accepts any fields.
 */
import { createHash } from 'node:crypto';
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import { kindsOf, servedGroupVersions } from './routes';

/** An OpenAPI v3 schema object, as in a CRD's `openAPIV3Schema`. */
export type OpenApiSchema = Record<string, unknown>;

/** Gives the schema of a kind, or undefined for "any object". */
export type OpenApiSchemaProvider = (
  kind: KindInfo,
) => OpenApiSchema | undefined;

const KUBERNETES_VERSION = 'v1.33.0';

/** `com.mirantis.k0rdent.v1beta1.ClusterDeployment`, `io.k8s.api.core.v1.ConfigMap`. */
export function definitionName(kind: KindInfo): string {
  const prefix = kind.group
    ? kind.group.split('.').reverse().join('.')
    : 'io.k8s.api.core';
  return `${prefix}.${kind.version}.${kind.kind}`;
}

function gvk(kind: KindInfo) {
  return { group: kind.group, version: kind.version, kind: kind.kind };
}

function schemaOf(
  kind: KindInfo,
  provider: OpenApiSchemaProvider | undefined,
): OpenApiSchema {
  const provided = provider?.(kind);
  const base: OpenApiSchema = provided ?? {
    type: 'object',
    description: `${kind.kind} (schema not published by the simulator; any fields are accepted)`,
    'x-kubernetes-preserve-unknown-fields': true,
  };
  return { ...base, 'x-kubernetes-group-version-kind': [gvk(kind)] };
}

function groupVersionPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** `/openapi/v3`: where each group version's document lives (with a content hash). */
export function openApiV3Index(provider: OpenApiSchemaProvider | undefined) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, version } of servedGroupVersions()) {
    const path = groupVersionPath(group, version);
    const hash = hashOf(openApiV3Document(group, version, provider));
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}

function hashOf(document: unknown): string {
  return createHash('sha512')
    .update(JSON.stringify(document))
    .digest('hex')
    .toUpperCase();
}

const queryParameter = (
  name: string,
  description: string,
  type = 'string',
) => ({
  name,
  in: 'query',
  description,
  schema: { type, uniqueItems: true },
});

const DRY_RUN = queryParameter(
  'dryRun',
  'When present, indicates that modifications should not be persisted.',
);
const FIELD_MANAGER = queryParameter(
  'fieldManager',
  'fieldManager is a name associated with the actor or entity that is making these changes.',
);
const FIELD_VALIDATION = queryParameter(
  'fieldValidation',
  'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields: Ignore, Warn or Strict.',
);
const FORCE = queryParameter(
  'force',
  'Force is going to "force" Apply requests.',
  'boolean',
);

const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
];

/** The document of one group version: paths and component schemas. */
export function openApiV3Document(
  group: string,
  version: string,
  provider: OpenApiSchemaProvider | undefined,
) {
  const schemas: Record<string, OpenApiSchema> = {};
  const paths: Record<string, unknown> = {};
  for (const kind of kindsOf(group, version)) {
    const name = definitionName(kind);
    schemas[name] = schemaOf(kind, provider);
    schemas[`${name}List`] = {
      type: 'object',
      'x-kubernetes-group-version-kind': [
        { ...gvk(kind), kind: `${kind.kind}List` },
      ],
      'x-kubernetes-preserve-unknown-fields': true,
    };
    Object.assign(paths, kindPaths(kind, name));
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
    paths,
    components: { schemas },
  };
}

function kindPaths(
  kind: KindInfo,
  definition: string,
): Record<string, unknown> {
  const base = `/${groupVersionPath(kind.group, kind.version)}${
    kind.namespaced ? '/namespaces/{namespace}' : ''
  }/${kind.plural}`;
  const ref = (suffix = '') => ({
    content: {
      'application/json': {
        schema: { $ref: `#/components/schemas/${definition}${suffix}` },
      },
    },
  });
  const operation = (action: string, extra: Record<string, unknown> = {}) => ({
    operationId: `${action}${kind.kind}`,
    responses: {
      '200': { description: 'OK', ...ref(action === 'list' ? 'List' : '') },
    },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk(kind),
    ...extra,
  });
  const write = (action: string) =>
    operation(action, {
      parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
      requestBody: ref(),
    });
  const patch = operation('patch', {
    parameters: [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE],
    requestBody: {
      content: Object.fromEntries(
        PATCH_TYPES.map(type => [type, { schema: { type: 'object' } }]),
      ),
      required: true,
    },
  });
  const paths: Record<string, unknown> = {
    [base]: {
      get: operation('list'),
      post: write('post'),
      delete: operation('deletecollection'),
    },
    [`${base}/{name}`]: {
      get: operation('get'),
      put: write('put'),
      patch,
      delete: operation('delete'),
    },
  };
  if (kind.hasStatus) {
    paths[`${base}/{name}/status`] = {
      get: operation('get'),
      put: write('put'),
      patch,
    };
  }
  return paths;
}

/** `/openapi/v2` as JSON: definitions only (kubectl asks for protobuf and copes without). */
export function openApiV2Document(provider: OpenApiSchemaProvider | undefined) {
  const definitions: Record<string, OpenApiSchema> = {};
  for (const { group, version } of servedGroupVersions()) {
    for (const kind of kindsOf(group, version)) {
      definitions[definitionName(kind)] = schemaOf(kind, provider);
    }
  }
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: KUBERNETES_VERSION },
    paths: {},
    definitions,
  };
}

export const SERVER_VERSION = {
  major: '1',
  minor: '33',
  gitVersion: KUBERNETES_VERSION,
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-01-01T00:00:00Z',
  goVersion: 'go1.24.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/**
 * Where the OpenAPI documents come from: by default built here from a schema
 * provider; the schema module can supply complete documents instead.
 */
export interface OpenApiSource {
  /** `/openapi/v3`: `{ paths: { 'apis/<group>/<version>': { serverRelativeURL } } }`. */
  v3Index(): unknown;
  /** `/openapi/v3/apis/<group>/<version>` (core: '' and 'v1'); undefined when unknown. */
  v3Document(group: string, version: string): unknown | undefined;
  /** `/openapi/v2` (served as JSON only). */
  v2Document(): unknown;
}

/** Documents built from per-kind schemas (any fields accepted where none is given). */
export function schemaOpenApiSource(
  provider?: OpenApiSchemaProvider,
): OpenApiSource {
  return {
    v3Index: () => openApiV3Index(provider),
    v3Document: (group, version) =>
      kindsOf(group, version).length
        ? openApiV3Document(group, version, provider)
        : undefined,
    v2Document: () => openApiV2Document(provider),
  };
}

/** The documents as JSON text, built once (schemas do not change while the server runs). */
export class OpenApiDocuments {
  private indexText?: string;
  private v2Text?: string;
  private readonly documents = new Map<string, string | undefined>();

  constructor(private readonly source: OpenApiSource) {}

  index(): string {
    this.indexText ??= JSON.stringify(this.source.v3Index());
    return this.indexText;
  }

  /** The document's JSON, or undefined for an unknown group version. */
  document(group: string, version: string): string | undefined {
    const key = `${group}/${version}`;
    if (!this.documents.has(key)) {
      const document = this.source.v3Document(group, version);
      this.documents.set(
        key,
        document === undefined ? undefined : JSON.stringify(document),
      );
    }
    return this.documents.get(key);
  }

  v2(): string {
    this.v2Text ??= JSON.stringify(this.source.v2Document());
    return this.v2Text;
  }
}
