/**
 * Web library of the k0rdent plugins: the k0rdent API (`k0rdentApiRef`,
 * `K0rdentClient`) and the scaffolder form fields (management cluster,
 * template, credential and cluster pickers, and the template config form),
 * with field extensions for apps on the legacy frontend system.
 *
 * @packageDocumentation
 */

export * from './api';
export * from './fields';
export * from './legacyFieldExtensions';
