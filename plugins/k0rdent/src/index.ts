/**
 * The k0rdent frontend plugin for the new frontend system. The default export
 * is the plugin; the scaffolder form fields are a scaffolder module exported
 * from `@k0rdent-backstage/plugin-k0rdent/alpha`. Both are found by feature
 * discovery (`app.packages: all`).
 *
 * @packageDocumentation
 */

export { k0rdentPlugin as default } from './plugin';
