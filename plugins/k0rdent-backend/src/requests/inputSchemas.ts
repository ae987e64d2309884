/*
 * The shape of every write body, checked before anything else happens. Errors
 * name the field (`services[1].template: ...`) so a form or a scaffolder log can
 * point at it.
 */
import { InputError } from '@backstage/errors';
import type {
  ApplyMultiClusterServiceInput,
  CreateClusterInput,
  DeleteClusterInput,
  UpdateClusterServicesInput,
  UpgradeClusterInput,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { z } from 'zod';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A Kubernetes name that is also a DNS label: lower case, digits and '-', at most `max`. */
function dnsLabel(what: string, max = 63) {
  return z
    .string({ error: `${what} is required` })
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`)
    .regex(
      DNS_LABEL,
      `${what} must consist of lower case letters, digits and '-', and start and end with a letter or digit`,
    );
}

/** A Kubernetes object name (DNS subdomain, at most 253). */
function objectName(what: string) {
  return z
    .string({ error: `${what} is required` })
    .min(1, `${what} is required`)
    .max(253, `${what} must be at most 253 characters`)
    .regex(
      DNS_SUBDOMAIN,
      `${what} must consist of lower case letters, digits, '-' and '.', and start and end with a letter or digit`,
    );
}

function isValidLabelKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (name.length > 63 || !LABEL_NAME.test(name)) return false;
  if (parts.length === 2) {
    const prefix = parts[0];
    return prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix);
  }
  return true;
}

const labels = z.record(z.string(), z.string()).superRefine((value, ctx) => {
  for (const [key, v] of Object.entries(value)) {
    if (!isValidLabelKey(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `'${key}' is not a valid label key`,
      });
    } else if (v.length > 63 || !LABEL_VALUE.test(v)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `'${v}' is not a valid label value (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`,
      });
    }
  }
});

const jsonObject = z.record(z.string(), z.unknown());

const service = z.object({
  name: dnsLabel('a service name (Helm release name)', 53),
  namespace: dnsLabel('a namespace').optional(),
  template: objectName('a ServiceTemplate name'),
  values: z.union([z.string(), jsonObject]).optional(),
  dependsOn: z
    .array(
      z.object({
        name: dnsLabel('a service name', 53),
        namespace: dnsLabel('a namespace').optional(),
      }),
    )
    .optional(),
});

const services = z.array(service).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((s, i) => {
    const key = `${s.namespace ?? 'default'}/${s.name}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'name'],
        message: `service ${key} is listed twice`,
      });
    }
    seen.add(key);
  });
});

const requestOptions = {
  idempotencyKey: z.string().min(1).max(255).optional(),
  taskId: z.string().min(1).max(255).optional(),
};

const owner = z.string().min(1).max(255).optional();

const createCluster = z.object({
  managementCluster: dnsLabel('the management cluster name'),
  namespace: dnsLabel('the namespace'),
  name: dnsLabel('the cluster name'),
  template: objectName('the ClusterTemplate name'),
  credential: objectName('the Credential name'),
  config: jsonObject.optional(),
  owner,
  tenant: z
    .string()
    .max(63)
    .regex(LABEL_VALUE, 'the tenant must be a valid label value')
    .optional(),
  kofRole: z.enum(['child', 'regional']).optional(),
  labels: labels.optional(),
  services: services.optional(),
  ...requestOptions,
});

const upgradeCluster = z.object({
  template: objectName('the ClusterTemplate name'),
  ...requestOptions,
});

const updateServices = z.object({
  services,
  mode: z.enum(['replace', 'merge']).optional(),
  ...requestOptions,
});

const deleteCluster = z.object({
  confirm: z.string({
    error: 'confirm is required: type the name of the cluster to delete it',
  }),
  ...requestOptions,
});

const labelSelector = z
  .object({
    matchLabels: labels.optional(),
    matchExpressions: z
      .array(
        z.object({
          key: z.string().refine(isValidLabelKey, 'not a valid label key'),
          operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
          values: z.array(z.string()).optional(),
        }),
      )
      .optional(),
  })
  .refine(
    s =>
      Object.keys(s.matchLabels ?? {}).length > 0 ||
      (s.matchExpressions ?? []).length > 0,
    'the selector is empty: k0rdent matches no cluster with an empty selector',
  );

const applyMultiClusterService = z.object({
  managementCluster: dnsLabel('the management cluster name'),
  name: objectName('the MultiClusterService name'),
  clusterSelector: labelSelector,
  services: services.min(1, 'at least one service is required'),
  dependsOn: z.array(objectName('a MultiClusterService name')).optional(),
  owner,
  ...requestOptions,
});

function fieldOf(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(issue => {
    const field = fieldOf(issue.path);
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  throw new InputError(`Invalid ${what}: ${problems.join('; ')}`);
}

/** The body of a cluster creation, or an InputError naming each bad field. */
export function parseCreateCluster(body: unknown): CreateClusterInput {
  return parse(createCluster, body, 'cluster request') as CreateClusterInput;
}

/** The body of an upgrade. */
export function parseUpgradeCluster(body: unknown): UpgradeClusterInput {
  return parse(upgradeCluster, body, 'upgrade request');
}

/** The body of a change of services. */
export function parseUpdateServices(body: unknown): UpdateClusterServicesInput {
  return parse(
    updateServices,
    body,
    'services request',
  ) as UpdateClusterServicesInput;
}

/** The body of a deletion. */
export function parseDeleteCluster(body: unknown): DeleteClusterInput {
  return parse(deleteCluster, body, 'delete request');
}

/** The body of a MultiClusterService creation or change. */
export function parseApplyMultiClusterService(
  body: unknown,
): ApplyMultiClusterServiceInput {
  return parse(
    applyMultiClusterService,
    body,
    'multi-cluster service request',
  ) as ApplyMultiClusterServiceInput;
}
