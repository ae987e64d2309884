/**
 * Alpha exports of the k0rdent frontend plugin: the scaffolder module with the
 * k0rdent form fields, as the default export so that feature discovery
 * (`app.packages: all`, which loads the default export of `./alpha` next to
 * the main entry's) installs it.
 *
 * @packageDocumentation
 */

import { scaffolderModuleK0rdentFormFields } from './alpha/scaffolderModule';

export { scaffolderModuleK0rdentFormFields };
export default scaffolderModuleK0rdentFormFields;
