/*
 * Props for rendering a scaffolder field on its own in tests: what the
 * scaffolder's form would pass, with the sibling form values in formContext.
 */
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';

/** Props of a field named `id`, with `formData` of the whole form as siblings. */
export function fieldProps<TValue, TUiOptions = {}>(options: {
  id?: string;
  title?: string;
  value?: TValue;
  onChange?: (value: TValue | undefined) => void;
  siblings?: Record<string, unknown>;
  uiOptions?: TUiOptions;
  required?: boolean;
  rawErrors?: string[];
}): FieldExtensionComponentProps<TValue, TUiOptions> {
  return {
    schema: { type: 'string', title: options.title },
    uiSchema: { 'ui:options': options.uiOptions },
    idSchema: { $id: `root_${options.id ?? 'field'}` },
    formData: options.value,
    onChange: options.onChange ?? (() => {}),
    formContext: { formData: options.siblings ?? {} },
    required: options.required ?? false,
    rawErrors: options.rawErrors ?? [],
    name: options.id ?? 'field',
  } as unknown as FieldExtensionComponentProps<TValue, TUiOptions>;
}
