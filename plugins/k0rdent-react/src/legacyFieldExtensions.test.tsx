import {
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
  type FieldExtensionOptions,
} from '@backstage/plugin-scaffolder-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  K0rdentClusterConfigFieldExtension,
  K0rdentClusterPickerFieldExtension,
  K0rdentClusterTemplatePickerFieldExtension,
  K0rdentCredentialPickerFieldExtension,
  K0rdentManagementClusterPickerFieldExtension,
  K0rdentServiceTemplatePickerFieldExtension,
} from './legacyFieldExtensions';

/** What a legacy ScaffolderPage collects from its <ScaffolderFieldExtensions> outlet. */
function CollectedFields(props: { outlet: React.ReactNode }) {
  const fields = useCustomFieldExtensions<FieldExtensionOptions>(props.outlet);
  return (
    <ul>
      {fields.map(field => (
        <li key={field.name}>
          {field.name}
          {field.validation ? ' (validated)' : ''}
        </li>
      ))}
    </ul>
  );
}

describe('legacy field extensions', () => {
  it('are found by the scaffolder in a <ScaffolderFieldExtensions> outlet, under the ui:field names templates use', async () => {
    const outlet = (
      <ScaffolderFieldExtensions>
        <K0rdentManagementClusterPickerFieldExtension />
        <K0rdentClusterTemplatePickerFieldExtension />
        <K0rdentCredentialPickerFieldExtension />
        <K0rdentServiceTemplatePickerFieldExtension />
        <K0rdentClusterPickerFieldExtension />
        <K0rdentClusterConfigFieldExtension />
      </ScaffolderFieldExtensions>
    );
    await renderInTestApp(<CollectedFields outlet={outlet} />);
    expect(screen.getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'K0rdentManagementClusterPicker',
      'K0rdentClusterTemplatePicker',
      'K0rdentCredentialPicker',
      'K0rdentServiceTemplatePicker',
      'K0rdentClusterPicker',
      'K0rdentClusterConfig (validated)',
    ]);
  });
});
