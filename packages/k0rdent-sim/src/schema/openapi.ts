/*
 * The OpenAPI documents a Kubernetes API server publishes, built from the
 * simulator's definitions, so that kubectl can explain and validate k0rdent kinds:
 *
 *   GET /openapi/v3                   -> openApiV3Discovery()
 *   GET /openapi/v3/apis/<g>/<v>      -> openApiV3Document(g, v)
 *   GET /openapi/v3/api/v1            -> openApiV3Document('', 'v1')
 *   GET /openapi/v2                   -> openApiV2Document()
 *
 * Definitions are named as the real server names them: the reversed group, the
 * version and the kind (`com.mirantis.k0rdent.v1beta1.ClusterDeployment`,
 * `io.k8s.api.core.v1.Secret`), each tagged with `x-kubernetes-group-version-kind`,
 * which is what kubectl looks up. Every kind gets its paths; the PATCH operations
 * carry the `fieldValidation` parameter, which is how kubectl decides that the
 * server validates fields itself (`kubectl apply --validate=strict`).
 */
import { createHash } from 'node:crypto';
import { apiVersionOfDefinition, listDefinitions } from './resources';
import type { JSONSchemaProps, ResourceDefinition } from './types';

type Json = Record<string, unknown>;
type Flavour = 'v2' | 'v3';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** The definition name of a kind: `com.mirantis.k0rdent.v1beta1.ClusterDeployment`. */
export function definitionName(
  group: string,
  version: string,
  kind: string,
): string {
  const prefix = group
    ? group.split('.').reverse().join('.')
    : 'io.k8s.api.core';
  return `${prefix}.${version}.${kind}`;
}

function refTo(flavour: Flavour, name: string): Json {
  return {
    $ref:
      flavour === 'v3'
        ? `#/components/schemas/${name}`
        : `#/definitions/${name}`,
  };
}

/** A reference with a description: v3 needs allOf around it, v2 takes siblings. */
function describedRef(
  flavour: Flavour,
  name: string,
  description: string,
): Json {
  return flavour === 'v3'
    ? { allOf: [refTo(flavour, name)], default: {}, description }
    : { ...refTo(flavour, name), description };
}

const API_VERSION_DESCRIPTION =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_DESCRIPTION =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';

/** The meta/v1 types kubectl and clients need (ObjectMeta, ListMeta, Status, ...). */
function metaDefinitions(flavour: Flavour): Record<string, Json> {
  const ref = (name: string) => refTo(flavour, `${META}.${name}`);
  const str = { type: 'string' };
  const strings = { type: 'array', items: str };
  const stringMap = { type: 'object', additionalProperties: str };
  return {
    [`${META}.Time`]: {
      description:
        'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.',
      type: 'string',
      format: 'date-time',
    },
    [`${META}.FieldsV1`]: {
      description:
        'FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.',
      type: 'object',
    },
    [`${META}.ManagedFieldsEntry`]: {
      description:
        'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.',
      type: 'object',
      properties: {
        apiVersion: str,
        fieldsType: str,
        fieldsV1: ref('FieldsV1'),
        manager: str,
        operation: str,
        subresource: str,
        time: ref('Time'),
      },
    },
    [`${META}.OwnerReference`]: {
      description:
        'OwnerReference contains enough information to let you identify an owning object.',
      type: 'object',
      required: ['apiVersion', 'kind', 'name', 'uid'],
      properties: {
        apiVersion: str,
        blockOwnerDeletion: { type: 'boolean' },
        controller: { type: 'boolean' },
        kind: str,
        name: str,
        uid: str,
      },
      'x-kubernetes-map-type': 'atomic',
    },
    [`${META}.ObjectMeta`]: {
      description:
        'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
      type: 'object',
      properties: {
        annotations: stringMap,
        creationTimestamp: ref('Time'),
        deletionGracePeriodSeconds: { type: 'integer', format: 'int64' },
        deletionTimestamp: ref('Time'),
        finalizers: {
          ...strings,
          'x-kubernetes-list-type': 'set',
          'x-kubernetes-patch-strategy': 'merge',
        },
        generateName: str,
        generation: { type: 'integer', format: 'int64' },
        labels: stringMap,
        managedFields: {
          type: 'array',
          items: ref('ManagedFieldsEntry'),
          'x-kubernetes-list-type': 'atomic',
        },
        name: str,
        namespace: str,
        ownerReferences: {
          type: 'array',
          items: ref('OwnerReference'),
          'x-kubernetes-list-map-keys': ['uid'],
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-patch-merge-key': 'uid',
          'x-kubernetes-patch-strategy': 'merge',
        },
        resourceVersion: str,
        selfLink: str,
        uid: str,
      },
    },
    [`${META}.ListMeta`]: {
      description:
        'ListMeta describes metadata that synthetic resources must have, including lists and various status objects.',
      type: 'object',
      properties: {
        continue: str,
        remainingItemCount: { type: 'integer', format: 'int64' },
        resourceVersion: str,
        selfLink: str,
      },
    },
    [`${META}.StatusCause`]: {
      description:
        'StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.',
      type: 'object',
      properties: { field: str, message: str, reason: str },
    },
    [`${META}.StatusDetails`]: {
      description:
        'StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response.',
      type: 'object',
      properties: {
        causes: {
          type: 'array',
          items: ref('StatusCause'),
          'x-kubernetes-list-type': 'atomic',
        },
        group: str,
        kind: str,
        name: str,
        retryAfterSeconds: { type: 'integer', format: 'int32' },
        uid: str,
      },
    },
    [`${META}.Status`]: {
      description:
        "Status is a return value for calls that don't return other objects.",
      type: 'object',
      properties: {
        apiVersion: { ...str, description: API_VERSION_DESCRIPTION },
        code: { type: 'integer', format: 'int32' },
        details: ref('StatusDetails'),
        kind: { ...str, description: KIND_DESCRIPTION },
        message: str,
        metadata: ref('ListMeta'),
        reason: str,
        status: str,
      },
      'x-kubernetes-group-version-kind': [
        { group: '', kind: 'Status', version: 'v1' },
      ],
    },
    [`${META}.Preconditions`]: {
      description:
        'Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.',
      type: 'object',
      properties: { resourceVersion: str, uid: str },
    },
    [`${META}.DeleteOptions`]: {
      description: 'DeleteOptions may be provided when deleting an API object.',
      type: 'object',
      properties: {
        apiVersion: { ...str, description: API_VERSION_DESCRIPTION },
        dryRun: { ...strings, 'x-kubernetes-list-type': 'atomic' },
        gracePeriodSeconds: { type: 'integer', format: 'int64' },
        kind: { ...str, description: KIND_DESCRIPTION },
        orphanDependents: { type: 'boolean' },
        preconditions: ref('Preconditions'),
        propagationPolicy: str,
      },
    },
    [`${META}.Patch`]: {
      description:
        'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
      type: 'object',
    },
    [`${META}.WatchEvent`]: {
      description: 'Event represents a single event to a watched resource.',
      type: 'object',
      required: ['type', 'object'],
      properties: {
        object: { type: 'object', description: 'The object of the event.' },
        type: str,
      },
    },
  };
}

/**
 * OpenAPI v2 cannot express some structural-schema parts; Kubernetes publishes CRDs
 * there with anyOf/oneOf/allOf/not and CEL rules removed, nullable fields untyped and
 * preserve-unknown-fields nodes without properties or items.
 */
function toV2Schema(schema: JSONSchemaProps): JSONSchemaProps {
  const out: JSONSchemaProps = { ...schema };
  delete out.anyOf;
  delete out.oneOf;
  delete out.allOf;
  delete out.not;
  delete out['x-kubernetes-validations'];
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [k, toV2Schema(v)]),
    );
  }
  if (out.items) out.items = toV2Schema(out.items);
  if (
    out.additionalProperties &&
    typeof out.additionalProperties === 'object'
  ) {
    out.additionalProperties = toV2Schema(out.additionalProperties);
  }
  if (out.nullable || out['x-kubernetes-preserve-unknown-fields']) {
    if (out.nullable) delete out.type;
    delete out.nullable;
    delete out.items;
    delete out.properties;
  }
  if (out.type === 'array' && !out.items) delete out.type;
  return out;
}

function gvk(definition: ResourceDefinition, kind = definition.names.kind) {
  return { group: definition.group, kind, version: definition.version };
}

/** The schema of a kind with apiVersion, kind and ObjectMeta filled in, as published. */
function kindSchema(definition: ResourceDefinition, flavour: Flavour): Json {
  const base =
    flavour === 'v2' ? toV2Schema(definition.schema) : definition.schema;
  // apiVersion, kind and metadata are replaced by their published forms below.
  const rest = { ...base.properties };
  delete rest.apiVersion;
  delete rest.kind;
  delete rest.metadata;
  return {
    ...base,
    type: 'object',
    properties: {
      apiVersion: { type: 'string', description: API_VERSION_DESCRIPTION },
      kind: { type: 'string', description: KIND_DESCRIPTION },
      metadata: describedRef(
        flavour,
        `${META}.ObjectMeta`,
        "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      ),
      ...rest,
    },
    'x-kubernetes-group-version-kind': [gvk(definition)],
  };
}

function listSchema(definition: ResourceDefinition, flavour: Flavour): Json {
  const { kind, listKind, plural } = definition.names;
  return {
    description: `${listKind} is a list of ${kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: { type: 'string', description: API_VERSION_DESCRIPTION },
      items: {
        type: 'array',
        items: refTo(
          flavour,
          definitionName(definition.group, definition.version, kind),
        ),
        description: `List of ${plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`,
      },
      kind: { type: 'string', description: KIND_DESCRIPTION },
      metadata: describedRef(
        flavour,
        `${META}.ListMeta`,
        'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
      ),
    },
    'x-kubernetes-group-version-kind': [gvk(definition, listKind)],
  };
}

// ---------------------------------------------------------------------------
// Paths

interface Parameter {
  name: string;
  in: 'query' | 'path';
  description: string;
}

const param = (name: string, description: string): Parameter => ({
  name,
  in: 'query',
  description,
});

const P = {
  dryRun: param(
    'dryRun',
    'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed',
  ),
  fieldManager: param(
    'fieldManager',
    'fieldManager is a name associated with the actor or entity that is making these changes.',
  ),
  fieldValidation: param(
    'fieldValidation',
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn (the default) - Strict',
  ),
  force: param(
    'force',
    'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people.',
  ),
  gracePeriodSeconds: param(
    'gracePeriodSeconds',
    'The duration in seconds before the object should be deleted.',
  ),
  propagationPolicy: param(
    'propagationPolicy',
    "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'.",
  ),
  pretty: param('pretty', "If 'true', then the output is pretty printed."),
  list: [
    param('allowWatchBookmarks', 'Requests watch events with type "BOOKMARK".'),
    param('continue', 'The continue option from a previous list call.'),
    param(
      'fieldSelector',
      'A selector to restrict the list of returned objects by their fields.',
    ),
    param(
      'labelSelector',
      'A selector to restrict the list of returned objects by their labels.',
    ),
    param(
      'limit',
      'The maximum number of responses to return for a list call.',
    ),
    param(
      'resourceVersion',
      'Constrains the resource versions that requests may be served from.',
    ),
    param(
      'resourceVersionMatch',
      'Determines how resourceVersion is applied to list calls.',
    ),
    param(
      'sendInitialEvents',
      'Requests the initial state as synthetic ADDED events on a watch.',
    ),
    param('timeoutSeconds', 'Timeout for the list/watch call.'),
    param('watch', 'Watch for changes to the described resources.'),
  ],
};

const INTEGER_PARAMS = new Set([
  'gracePeriodSeconds',
  'limit',
  'timeoutSeconds',
]);
const BOOLEAN_PARAMS = new Set([
  'allowWatchBookmarks',
  'force',
  'sendInitialEvents',
  'watch',
]);

function paramType(name: string): string {
  if (INTEGER_PARAMS.has(name)) return 'integer';
  if (BOOLEAN_PARAMS.has(name)) return 'boolean';
  return 'string';
}

function renderParameter(p: Parameter, flavour: Flavour): Json {
  const type = paramType(p.name);
  const base = {
    name: p.name,
    in: p.in,
    description: p.description,
    ...(p.in === 'path' ? { required: true } : {}),
  };
  return flavour === 'v3'
    ? { ...base, schema: { type, uniqueItems: true } }
    : { ...base, type, uniqueItems: true };
}

type Action =
  | 'list'
  | 'post'
  | 'deletecollection'
  | 'get'
  | 'put'
  | 'patch'
  | 'delete';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  action: Action;
  operationId: string;
  description: string;
  parameters: Parameter[];
  /** Definition name of the request body, if any. */
  body?: string;
  /** Definition name of the response. */
  response: string;
}

const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
];

/** `k0rdent.mirantis.com` + `v1beta1` -> `K0rdentMirantisComV1beta1`; core -> `CoreV1`. */
function operationGroupPart(definition: ResourceDefinition): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const group = definition.group
    ? definition.group.split(/[.-]/).map(cap).join('')
    : 'Core';
  return `${group}${cap(definition.version)}`;
}

function renderOperation(
  op: Operation,
  definition: ResourceDefinition,
  flavour: Flavour,
): Json {
  const kindGvk = gvk(definition);
  const tag = definition.group
    ? `${definition.group.replace(/\./g, '_')}_${definition.version}`
    : `core_${definition.version}`;
  const parameters = op.parameters.map(p => renderParameter(p, flavour));
  const common = {
    description: op.description,
    operationId: op.operationId,
    tags: [tag],
    'x-kubernetes-action': op.action,
    'x-kubernetes-group-version-kind': kindGvk,
  };
  if (flavour === 'v3') {
    const responseContent = Object.fromEntries(
      ['application/json', 'application/yaml'].map(type => [
        type,
        { schema: refTo(flavour, op.response) },
      ]),
    );
    const requestTypes = op.method === 'patch' ? PATCH_TYPES : ['*/*'];
    return {
      ...common,
      parameters,
      ...(op.body
        ? {
            requestBody: {
              content: Object.fromEntries(
                requestTypes.map(type => [
                  type,
                  { schema: refTo(flavour, op.body!) },
                ]),
              ),
              required: true,
            },
          }
        : {}),
      responses: {
        '200': { description: 'OK', content: responseContent },
        ...(op.method === 'post' || op.method === 'put'
          ? { '201': { description: 'Created', content: responseContent } }
          : {}),
        '401': { description: 'Unauthorized' },
      },
    };
  }
  return {
    ...common,
    consumes: op.method === 'patch' ? PATCH_TYPES : ['*/*'],
    produces: ['application/json', 'application/yaml'],
    schemes: ['https'],
    parameters: op.body
      ? [
          {
            name: 'body',
            in: 'body',
            required: true,
            schema: refTo(flavour, op.body),
          },
          ...parameters,
        ]
      : parameters,
    responses: {
      '200': { description: 'OK', schema: refTo(flavour, op.response) },
      '401': { description: 'Unauthorized' },
    },
  };
}

/** The REST paths of one kind, with their operations. */
function kindPaths(
  definition: ResourceDefinition,
  flavour: Flavour,
): Record<string, Json> {
  const { kind, listKind, plural } = definition.names;
  const namespaced = definition.scope === 'Namespaced';
  const prefix = definition.group
    ? `/apis/${definition.group}/${definition.version}`
    : `/api/${definition.version}`;
  const scoped = namespaced ? `${prefix}/namespaces/{namespace}` : prefix;
  const idPart = operationGroupPart(definition);
  const ns = namespaced ? 'Namespaced' : '';
  const kindDef = definitionName(definition.group, definition.version, kind);
  const listDef = definitionName(
    definition.group,
    definition.version,
    listKind,
  );
  const status = `${META}.Status`;
  const write = [P.dryRun, P.fieldManager, P.fieldValidation];

  const pathParams = (withName: boolean): Parameter[] => [
    ...(withName
      ? [
          {
            name: 'name',
            in: 'path' as const,
            description: `name of the ${kind}`,
          },
        ]
      : []),
    ...(namespaced
      ? [
          {
            name: 'namespace',
            in: 'path' as const,
            description:
              'object name and auth scope, such as for teams and projects',
          },
        ]
      : []),
    P.pretty,
  ];

  const operation = (
    method: Operation['method'],
    action: Action,
    verb: string,
    suffix: string,
    description: string,
    parameters: Parameter[],
    response: string,
    body?: string,
  ): Operation => ({
    method,
    action,
    operationId: `${verb}${idPart}${suffix}`,
    description,
    parameters,
    response,
    body,
  });

  const paths: Array<[string, Parameter[], Operation[]]> = [
    [
      `${scoped}/${plural}`,
      pathParams(false),
      [
        operation(
          'get',
          'list',
          'list',
          `${ns}${kind}`,
          `list or watch objects of kind ${kind}`,
          P.list,
          listDef,
        ),
        operation(
          'post',
          'post',
          'create',
          `${ns}${kind}`,
          `create a ${kind}`,
          write,
          kindDef,
          kindDef,
        ),
        operation(
          'delete',
          'deletecollection',
          'deleteCollection',
          `${ns}${kind}`,
          `delete collection of ${kind}`,
          [P.dryRun, P.gracePeriodSeconds, P.propagationPolicy, ...P.list],
          status,
        ),
      ],
    ],
    [
      `${scoped}/${plural}/{name}`,
      pathParams(true),
      [
        operation(
          'get',
          'get',
          'read',
          `${ns}${kind}`,
          `read the specified ${kind}`,
          [],
          kindDef,
        ),
        operation(
          'put',
          'put',
          'replace',
          `${ns}${kind}`,
          `replace the specified ${kind}`,
          write,
          kindDef,
          kindDef,
        ),
        operation(
          'patch',
          'patch',
          'patch',
          `${ns}${kind}`,
          `partially update the specified ${kind}`,
          [...write, P.force],
          kindDef,
          `${META}.Patch`,
        ),
        operation(
          'delete',
          'delete',
          'delete',
          `${ns}${kind}`,
          `delete a ${kind}`,
          [P.dryRun, P.gracePeriodSeconds, P.propagationPolicy],
          status,
          `${META}.DeleteOptions`,
        ),
      ],
    ],
  ];
  if (definition.subresources?.status) {
    paths.push([
      `${scoped}/${plural}/{name}/status`,
      pathParams(true),
      [
        operation(
          'get',
          'get',
          'read',
          `${ns}${kind}Status`,
          `read status of the specified ${kind}`,
          [],
          kindDef,
        ),
        operation(
          'put',
          'put',
          'replace',
          `${ns}${kind}Status`,
          `replace status of the specified ${kind}`,
          write,
          kindDef,
          kindDef,
        ),
        operation(
          'patch',
          'patch',
          'patch',
          `${ns}${kind}Status`,
          `partially update status of the specified ${kind}`,
          [...write, P.force],
          kindDef,
          `${META}.Patch`,
        ),
      ],
    ]);
  }
  if (namespaced) {
    paths.push([
      `${prefix}/${plural}`,
      [P.pretty],
      [
        operation(
          'get',
          'list',
          'list',
          `${kind}ForAllNamespaces`,
          `list or watch objects of kind ${kind}`,
          P.list,
          listDef,
        ),
      ],
    ]);
  }

  return Object.fromEntries(
    paths.map(([path, parameters, operations]) => [
      path,
      {
        parameters: parameters.map(p => renderParameter(p, flavour)),
        ...Object.fromEntries(
          operations.map(op => [
            op.method,
            renderOperation(op, definition, flavour),
          ]),
        ),
      },
    ]),
  );
}

// ---------------------------------------------------------------------------
// Documents

function definitionsFor(
  definitions: ResourceDefinition[],
  flavour: Flavour,
): Record<string, Json> {
  const out: Record<string, Json> = { ...metaDefinitions(flavour) };
  for (const d of definitions) {
    out[definitionName(d.group, d.version, d.names.kind)] = kindSchema(
      d,
      flavour,
    );
    out[definitionName(d.group, d.version, d.names.listKind)] = listSchema(
      d,
      flavour,
    );
  }
  return out;
}

const v3Documents = new Map<string, Json>();

/**
 * The OpenAPI v3 document of one group/version (`''`/`v1` for the core group), as
 * served at /openapi/v3/apis/<group>/<version>; undefined for an unknown one.
 */
export function openApiV3Document(
  group: string,
  version: string,
): Json | undefined {
  const key = `${group}/${version}`;
  if (!v3Documents.has(key)) {
    const definitions = listDefinitions().filter(
      d => d.group === group && d.version === version,
    );
    if (definitions.length === 0) return undefined;
    v3Documents.set(key, {
      openapi: '3.0.0',
      info: {
        title: group ? 'Kubernetes CRD Swagger' : 'Kubernetes',
        version: 'v0.1.0',
      },
      paths: Object.assign({}, ...definitions.map(d => kindPaths(d, 'v3'))),
      components: {
        schemas: definitionsFor(definitions, 'v3'),
        securitySchemes: {
          BearerToken: {
            type: 'apiKey',
            description: 'Bearer Token authentication',
            name: 'authorization',
            in: 'header',
          },
        },
      },
    });
  }
  return v3Documents.get(key);
}

let v3Discovery: Json | undefined;

/**
 * The /openapi/v3 index: one entry per group/version (`api/v1`,
 * `apis/k0rdent.mirantis.com/v1beta1`, ...) pointing at its document. The `hash`
 * changes whenever the document does, as clients cache by it.
 */
export function openApiV3Discovery(): {
  paths: Record<string, { serverRelativeURL: string }>;
} {
  if (!v3Discovery) {
    const groupVersions = [
      ...new Set(listDefinitions().map(d => apiVersionOfDefinition(d))),
    ];
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const gv of groupVersions) {
      const [group, version] = gv.includes('/') ? gv.split('/') : ['', gv];
      const path = group ? `apis/${group}/${version}` : `api/${version}`;
      const hash = createHash('sha512')
        .update(JSON.stringify(openApiV3Document(group, version)))
        .digest('hex')
        .toUpperCase();
      paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
    }
    v3Discovery = { paths };
  }
  return v3Discovery as {
    paths: Record<string, { serverRelativeURL: string }>;
  };
}

let v2Document: Json | undefined;

/** The single OpenAPI v2 (Swagger) document of every kind, as served at /openapi/v2. */
export function openApiV2Document(): Json {
  if (!v2Document) {
    const definitions = listDefinitions();
    v2Document = {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: 'v0.1.0' },
      paths: Object.assign({}, ...definitions.map(d => kindPaths(d, 'v2'))),
      definitions: definitionsFor(definitions, 'v2'),
      securityDefinitions: {
        BearerToken: {
          description: 'Bearer Token authentication',
          type: 'apiKey',
          name: 'authorization',
          in: 'header',
        },
      },
      security: [{ BearerToken: [] }],
    };
  }
  return v2Document;
}
