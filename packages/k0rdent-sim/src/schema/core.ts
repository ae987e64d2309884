/*
 * Hand-written schemas for the core (`v1`) kinds the simulator serves: Namespace,
 * Secret, ConfigMap, Event and Service. Kubernetes validates these with Go code,
 * not with OpenAPI; the schemas below describe the fields k0rdent and the plugins
 * use (so that unknown fields can be pruned or rejected and types checked), and
 * `validateCoreExtras` adds the few Go rules worth having (config keys, sizes).
 * Names, plural forms and scopes come from the kind registry.
 */
import { KINDS, type KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import type { FieldCause } from '../store/types';
import { invalid, tooLong } from './fieldErrors';
import type { NameRule } from './objectMeta';
import type { JSONSchemaProps, ResourceDefinition } from './types';

const string: JSONSchemaProps = { type: 'string' };
const boolean: JSONSchemaProps = { type: 'boolean' };
const int32: JSONSchemaProps = { type: 'integer', format: 'int32' };
const dateTime: JSONSchemaProps = { type: 'string', format: 'date-time' };
const stringMap: JSONSchemaProps = {
  type: 'object',
  additionalProperties: string,
};
const base64Map: JSONSchemaProps = {
  type: 'object',
  additionalProperties: { type: 'string', format: 'byte' },
};

/** Fields every top-level object has; `metadata` is replaced by ObjectMeta when validating. */
const typeMeta = {
  apiVersion: string,
  kind: string,
  metadata: { type: 'object' },
};

const objectReference: JSONSchemaProps = {
  type: 'object',
  properties: {
    apiVersion: string,
    kind: string,
    name: string,
    namespace: string,
    uid: string,
    resourceVersion: string,
    fieldPath: string,
  },
};

const condition: JSONSchemaProps = {
  type: 'object',
  required: ['type', 'status'],
  properties: {
    type: string,
    status: string,
    lastTransitionTime: dateTime,
    observedGeneration: { type: 'integer', format: 'int64' },
    reason: string,
    message: string,
  },
};

const namespaceSchema: JSONSchemaProps = {
  type: 'object',
  properties: {
    ...typeMeta,
    spec: {
      type: 'object',
      properties: {
        finalizers: { type: 'array', items: string },
      },
    },
    status: {
      type: 'object',
      properties: {
        phase: { type: 'string', enum: ['Active', 'Terminating'] },
        conditions: { type: 'array', items: condition },
      },
    },
  },
};

const secretSchema: JSONSchemaProps = {
  type: 'object',
  properties: {
    ...typeMeta,
    data: base64Map,
    // Write-only: the API server merges it into `data` and never returns it.
    stringData: stringMap,
    type: string,
    immutable: boolean,
  },
};

const configMapSchema: JSONSchemaProps = {
  type: 'object',
  properties: {
    ...typeMeta,
    data: stringMap,
    binaryData: base64Map,
    immutable: boolean,
  },
};

const eventSchema: JSONSchemaProps = {
  type: 'object',
  required: ['involvedObject'],
  properties: {
    ...typeMeta,
    involvedObject: objectReference,
    reason: string,
    message: string,
    source: {
      type: 'object',
      properties: { component: string, host: string },
    },
    firstTimestamp: dateTime,
    lastTimestamp: dateTime,
    count: int32,
    type: string,
    eventTime: dateTime,
    series: {
      type: 'object',
      properties: { count: int32, lastObservedTime: dateTime },
    },
    action: string,
    related: objectReference,
    reportingComponent: string,
    reportingInstance: string,
  },
};

const servicePort: JSONSchemaProps = {
  type: 'object',
  required: ['port'],
  properties: {
    name: string,
    protocol: { type: 'string', enum: ['TCP', 'UDP', 'SCTP'], default: 'TCP' },
    appProtocol: string,
    port: int32,
    targetPort: { 'x-kubernetes-int-or-string': true },
    nodePort: int32,
  },
};

const serviceSchema: JSONSchemaProps = {
  type: 'object',
  properties: {
    ...typeMeta,
    spec: {
      type: 'object',
      properties: {
        ports: {
          type: 'array',
          items: servicePort,
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['port', 'protocol'],
        },
        selector: stringMap,
        clusterIP: string,
        clusterIPs: { type: 'array', items: string },
        type: {
          type: 'string',
          enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
          default: 'ClusterIP',
        },
        externalIPs: { type: 'array', items: string },
        sessionAffinity: { type: 'string', enum: ['None', 'ClientIP'] },
        sessionAffinityConfig: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
        },
        loadBalancerIP: string,
        loadBalancerSourceRanges: { type: 'array', items: string },
        loadBalancerClass: string,
        externalName: string,
        externalTrafficPolicy: { type: 'string', enum: ['Cluster', 'Local'] },
        internalTrafficPolicy: { type: 'string', enum: ['Cluster', 'Local'] },
        healthCheckNodePort: int32,
        publishNotReadyAddresses: boolean,
        ipFamilies: { type: 'array', items: string },
        ipFamilyPolicy: {
          type: 'string',
          enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
        },
        allocateLoadBalancerNodePorts: boolean,
        trafficDistribution: string,
      },
    },
    status: {
      type: 'object',
      properties: {
        loadBalancer: {
          type: 'object',
          properties: {
            ingress: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  ip: string,
                  hostname: string,
                  ipMode: string,
                  ports: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        port: int32,
                        protocol: string,
                        error: string,
                      },
                    },
                  },
                },
              },
            },
          },
        },
        conditions: { type: 'array', items: condition },
      },
    },
  },
};

function coreDefinition(
  info: KindInfo,
  schema: JSONSchemaProps,
): ResourceDefinition {
  return {
    group: info.group,
    version: info.version,
    names: {
      kind: info.kind,
      listKind: `${info.kind}List`,
      plural: info.plural,
      singular: info.singular,
      ...(info.shortNames.length ? { shortNames: [...info.shortNames] } : {}),
    },
    scope: info.namespaced ? 'Namespaced' : 'Cluster',
    ...(info.hasStatus ? { subresources: { status: {} } } : {}),
    schema,
  };
}

/** The core kinds with their hand-written schemas. */
export const CORE_DEFINITIONS: readonly ResourceDefinition[] = [
  coreDefinition(KINDS.Namespace, namespaceSchema),
  coreDefinition(KINDS.Secret, secretSchema),
  coreDefinition(KINDS.ConfigMap, configMapSchema),
  coreDefinition(KINDS.Event, eventSchema),
  coreDefinition(KINDS.Service, serviceSchema),
];

/** Which naming rule a kind's `metadata.name` follows (DNS-1123 subdomain unless listed). */
export function nameRuleFor(definition: ResourceDefinition): NameRule {
  if (definition.group !== '') return 'dns1123Subdomain';
  if (definition.names.kind === 'Namespace') return 'dns1123Label';
  if (definition.names.kind === 'Service') return 'dns1035Label';
  return 'dns1123Subdomain';
}

/** Secrets and ConfigMaps together may hold at most 1 MiB (`MaxSecretSize`). */
const MAX_DATA_SIZE = 1024 * 1024;
const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/;

/** `IsConfigMapKey`: keys of Secret and ConfigMap data. */
function configKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(key) > 253) {
    errs.push('must be no more than 253 characters');
  }
  if (!CONFIG_KEY_RE.test(key)) {
    errs.push(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    );
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function entries(value: unknown): Array<[string, unknown]> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value)
    : [];
}

/** Size of a data value: base64 fields count their decoded bytes. */
function dataSize(value: unknown, base64: boolean): number {
  if (typeof value !== 'string') return 0;
  return base64
    ? Buffer.from(value, 'base64').length
    : Buffer.byteLength(value, 'utf8');
}

/** The data fields of Secret and ConfigMap, and whether their values are base64. */
const DATA_FIELDS: Record<string, Array<[field: string, base64: boolean]>> = {
  Secret: [
    ['data', true],
    ['stringData', false],
  ],
  ConfigMap: [
    ['data', false],
    ['binaryData', true],
  ],
};

/** The Go-coded checks of Secret and ConfigMap: data keys and total size. */
export function validateCoreExtras(
  kind: string,
  object: Record<string, unknown>,
): FieldCause[] {
  const fields = DATA_FIELDS[kind] ?? [];
  const causes: FieldCause[] = [];
  let size = 0;
  for (const [name, base64] of fields) {
    for (const [key, value] of entries(object[name])) {
      for (const msg of configKeyErrors(key)) {
        causes.push(invalid(`${name}[${key}]`, key, msg));
      }
      size += Buffer.byteLength(key) + dataSize(value, base64);
    }
  }
  if (size > MAX_DATA_SIZE) {
    causes.push(tooLong(kind === 'Secret' ? 'data' : '', MAX_DATA_SIZE));
  }
  return causes;
}
