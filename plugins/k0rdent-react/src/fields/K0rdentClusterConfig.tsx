/*
 * Scaffolder field for a new cluster's config (the Helm values of its
 * ClusterTemplate). It loads the chosen template's defaults and values schema
 * and renders a form generated from the schema, prefilled with the defaults,
 * so users edit typed fields instead of YAML. Its validator checks the value
 * against the same schema before the template runs, the way Helm and the
 * backend would, and names the path of each problem.
 */
import { useApi } from '@backstage/core-plugin-api';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import type {
  JsonObject,
  TemplateDetails,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { Form } from '@rjsf/material-ui';
import validator from '@rjsf/validator-ajv8';
import { useEffect, useMemo, useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { k0rdentApiRef, type TemplateRef } from '../api';
import {
  findClusterConfigProblems,
  formValuesSchema,
} from './clusterConfigSchema';
import {
  chooseFirstHint,
  type K0rdentScope,
  type K0rdentTemplateScopeUiOptions,
  missingScope,
  readScope,
} from './scope';

/** `ui:field` name of {@link K0rdentClusterConfig}. @public */
export const K0RDENT_CLUSTER_CONFIG = 'K0rdentClusterConfig';

/**
 * The value of {@link K0rdentClusterConfig}: Helm values. Typed loosely, not
 * as the recursive JsonObject, which the scaffolder's UiSchema types cannot
 * expand.
 *
 * @public
 */
export type ClusterConfigValue = Record<string, unknown>;

/**
 * `ui:options` of {@link K0rdentClusterConfig}; `templateField` defaults to
 * `template`.
 *
 * @public
 */
export type K0rdentClusterConfigUiOptions = K0rdentTemplateScopeUiOptions;

/** The ClusterTemplate a scope points at, once all of it is chosen. */
function templateRefOf(scope: K0rdentScope): TemplateRef | undefined {
  const { managementCluster, namespace, template } = scope;
  if (!managementCluster || !namespace || !template) return undefined;
  return { managementCluster, kind: 'cluster', namespace, name: template };
}

function keyOf(ref: TemplateRef | TemplateDetails): string {
  return `${ref.managementCluster}/${ref.namespace}/${ref.name}`;
}

function isEmpty(value: ClusterConfigValue | undefined): boolean {
  return !value || Object.keys(value).length === 0;
}

/** The nested form does not submit: the scaffolder's own buttons do. */
const NESTED_FORM_UI_SCHEMA = {
  'ui:submitButtonOptions': { norender: true },
} as const;

/**
 * Edits the Helm values of the chosen ClusterTemplate; the value is an object.
 * It is set to the template's defaults when the field is empty or another
 * template is chosen.
 *
 * @public
 */
export function K0rdentClusterConfig(
  props: FieldExtensionComponentProps<
    ClusterConfigValue,
    K0rdentClusterConfigUiOptions
  >,
) {
  const { schema, uiSchema, rawErrors = [], formData, onChange } = props;
  const api = useApi(k0rdentApiRef);
  const scope = readScope(
    props.formContext?.formData,
    uiSchema?.['ui:options'],
    true,
  );
  const ref = templateRefOf(scope);
  const refKey = ref && keyOf(ref);
  const {
    value: loaded,
    loading,
    error,
  } = useAsync(
    async () => (ref ? api.getTemplate(ref) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, refKey],
  );
  // useAsync keeps the previous result while the next one loads.
  const details = loaded && keyOf(loaded) === refKey ? loaded : undefined;

  const loadedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!details) return;
    const previous = loadedFor.current;
    loadedFor.current = keyOf(details);
    if (previous === loadedFor.current) return;
    // A first load keeps what the user already has (e.g. after going back a
    // step); another template brings its own defaults.
    if (previous !== undefined || isEmpty(formData)) {
      onChange(details.defaults ?? {});
    }
  }, [details, formData, onChange]);

  const formSchema = useMemo(
    () =>
      details?.valuesSchema
        ? formValuesSchema(details.valuesSchema)
        : undefined,
    [details],
  );

  const label = schema.title ?? 'Cluster configuration';
  let body: JSX.Element;
  if (!ref) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {chooseFirstHint(
          missingScope(scope, ['managementCluster', 'namespace', 'template']),
        )}
      </Typography>
    );
  } else if (error) {
    body = (
      <FormHelperText error role="alert">
        Could not load template {ref.namespace}/{ref.name}: {error.message}
      </FormHelperText>
    );
  } else if (loading || !details) {
    body = <LinearProgress aria-label="Loading the template" />;
  } else if (!formSchema) {
    body = (
      <Typography variant="body2" color="textSecondary">
        Template {details.name} has no values schema; its default values are
        used.
      </Typography>
    );
  } else {
    body = (
      <Form
        tagName="div"
        schema={formSchema}
        uiSchema={NESTED_FORM_UI_SCHEMA}
        formData={isEmpty(formData) ? details.defaults ?? {} : formData}
        validator={validator}
        showErrorList={false}
        onChange={event => onChange(event.formData as ClusterConfigValue)}
      />
    );
  }

  return (
    <FormControl
      fullWidth
      margin="normal"
      component="fieldset"
      required={props.required}
      error={rawErrors.length > 0}
    >
      <FormLabel component="legend">{label}</FormLabel>
      {schema.description && (
        <Typography variant="body2" color="textSecondary">
          {schema.description}
        </Typography>
      )}
      {body}
      {rawErrors.map(message => (
        <FormHelperText key={message} error>
          {message}
        </FormHelperText>
      ))}
    </FormControl>
  );
}

/**
 * Validates a {@link K0rdentClusterConfig} value against the values schema of
 * the chosen template: one error per problem, `path: message`.
 *
 * @public
 */
export const validateK0rdentClusterConfig: CustomFieldValidator<
  ClusterConfigValue,
  K0rdentClusterConfigUiOptions
> = async (value, field, context) => {
  const ref = templateRefOf(
    readScope(context.formData, context.uiSchema?.['ui:options'], true),
  );
  // Without a template there is nothing to check against; the template
  // field's own `required` covers that.
  if (!ref) return;
  const api = context.apiHolder.get(k0rdentApiRef);
  if (!api) {
    field.addError('The k0rdent API is not available in this app');
    return;
  }
  let details: TemplateDetails;
  try {
    details = await api.getTemplate(ref);
  } catch (error) {
    field.addError(
      `Could not load template ${ref.namespace}/${ref.name}: ${
        (error as Error).message
      }`,
    );
    return;
  }
  if (!details.valuesSchema) return;
  const config = isEmpty(value)
    ? details.defaults ?? {}
    : (value as JsonObject);
  for (const problem of findClusterConfigProblems(
    details.valuesSchema,
    config,
  )) {
    field.addError(`${problem.path}: ${problem.message}`);
  }
};
