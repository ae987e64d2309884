/*
 * Server-side printing: `kubectl get` asks for `Accept: application/json;as=Table;...`
 * and prints the columns the server sends. Columns come from a pluggable provider
 * (the CRDs' additionalPrinterColumns); otherwise built-in kinds get their usual
 * columns and custom kinds get Name and Age, as the real server does.
 */
import type { KindInfo } from '@k0rdent-backstage/plugin-k0rdent-common';
import { isJsonObject } from '../store/json';
import type { KubeObject } from '../store/types';
import { evaluateJsonPath } from './jsonPath';

/** One column, as in a CRD's `additionalPrinterColumns`. */
export interface PrinterColumn {
  name: string;
  /** integer, number, string, boolean or date. */
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

/** Gives the printer columns of a kind (besides Name), or undefined for the defaults. */
export type PrinterColumnsProvider = (
  kind: KindInfo,
) => PrinterColumn[] | undefined;

/** Whether the client asked for a Table (any `as=Table` entry in Accept). */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some(type => /(^|;)\s*as=Table(\s*;|\s*$)/.test(type));
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const value = query.get('includeObject');
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

const NAME_COLUMN = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  priority: 0,
};

const AGE: PrinterColumn = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
  description:
    'CreationTimestamp is a timestamp representing the server time when this object was created.',
};

const BUILT_IN: Record<string, PrinterColumn[]> = {
  Namespace: [
    { name: 'Status', type: 'string', jsonPath: '.status.phase' },
    AGE,
  ],
  Secret: [
    { name: 'Type', type: 'string', jsonPath: '.type' },
    { name: 'Data', type: 'integer', jsonPath: '.data' },
    AGE,
  ],
  ConfigMap: [{ name: 'Data', type: 'integer', jsonPath: '.data' }, AGE],
  Service: [
    { name: 'Type', type: 'string', jsonPath: '.spec.type' },
    { name: 'Cluster-IP', type: 'string', jsonPath: '.spec.clusterIP' },
    AGE,
  ],
  Event: [
    { name: 'Type', type: 'string', jsonPath: '.type' },
    { name: 'Reason', type: 'string', jsonPath: '.reason' },
    { name: 'Object', type: 'string', jsonPath: '.involvedObject.name' },
    { name: 'Message', type: 'string', jsonPath: '.message' },
    AGE,
  ],
};

export function columnsFor(
  kind: KindInfo,
  provider?: PrinterColumnsProvider,
): PrinterColumn[] {
  return provider?.(kind) ?? BUILT_IN[kind.kind] ?? [AGE];
}

export interface TableOptions {
  columns: PrinterColumn[];
  includeObject: IncludeObject;
  /** Column definitions are sent once per watch stream, as the real server does. */
  withColumnDefinitions: boolean;
  listMetadata?: Record<string, unknown>;
  now: Date;
}

export function toTable(objects: readonly KubeObject[], options: TableOptions) {
  const table: Record<string, unknown> = {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: options.listMetadata ?? {},
  };
  table.columnDefinitions = options.withColumnDefinitions
    ? [
        NAME_COLUMN,
        ...options.columns.map(column => ({
          name: column.name,
          type: column.type,
          format: column.format ?? '',
          description: column.description ?? '',
          priority: column.priority ?? 0,
        })),
      ]
    : [];
  table.rows = objects.map(object => ({
    cells: [
      object.metadata.name,
      ...options.columns.map(column => cell(object, column, options.now)),
    ],
    object: rowObject(object, options.includeObject),
  }));
  return table;
}

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: object.metadata,
  };
}

function cell(object: KubeObject, column: PrinterColumn, now: Date): unknown {
  const [value] = evaluateJsonPath(object, column.jsonPath);
  if (value === undefined || value === null) return null;
  if (column.type === 'date') {
    const time = Date.parse(String(value));
    return Number.isNaN(time)
      ? String(value)
      : humanDuration(now.getTime() - time);
  }
  if (column.type === 'integer' && isJsonObject(value))
    return Object.keys(value).length;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Ages as kubectl prints them: 45s, 3m20s, 2h5m, 4d, 2y30d. */
export function humanDuration(millis: number): string {
  const seconds = Math.floor(millis / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10)
    return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8)
    return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0
      ? `${Math.floor(hours / 24)}d`
      : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8) {
    return days % 365 === 0
      ? `${Math.floor(days / 365)}y`
      : `${Math.floor(days / 365)}y${days % 365}d`;
  }
  return `${Math.floor(days / 365)}y`;
}
