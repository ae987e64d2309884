/*
 * The shapes the schema code works with: one node of a Kubernetes structural
 * OpenAPI v3 schema (what a CRD version carries as `openAPIV3Schema`), and the
 * simulator's own definition of a served kind (schema plus naming and printer
 * columns), as kept in `definitions/*.json`.
 */

/** One CEL rule of `x-kubernetes-validations`. */
export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

/**
 * One node of a structural schema. Only the keywords Kubernetes allows in CRD
 * schemas appear; `type` is a plain string because the JSON definitions are
 * imported untyped.
 */
export interface JSONSchemaProps {
  type?: string;
  description?: string;
  properties?: Record<string, JSONSchemaProps>;
  required?: string[];
  additionalProperties?: JSONSchemaProps | boolean;
  items?: JSONSchemaProps;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  nullable?: boolean;
  default?: unknown;
  example?: unknown;
  anyOf?: JSONSchemaProps[];
  oneOf?: JSONSchemaProps[];
  allOf?: JSONSchemaProps[];
  not?: JSONSchemaProps;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: string;
  'x-kubernetes-validations'?: ValidationRule[];
}

/** A printer column as in a CRD version (`kubectl get` columns). */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

/** The names block of a CRD. */
export interface ResourceNames {
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames?: string[];
  categories?: string[];
}

/**
 * How the simulator serves one kind: the storage version's schema (descriptions
 * stripped for CRDs) and what a CRD says about naming, scope, subresources and
 * printer columns. Core kinds use the same shape with hand-written schemas.
 */
export interface ResourceDefinition {
  group: string;
  version: string;
  names: ResourceNames;
  scope: 'Namespaced' | 'Cluster';
  subresources?: { status?: Record<string, unknown> };
  additionalPrinterColumns?: PrinterColumn[];
  schema: JSONSchemaProps;
}
