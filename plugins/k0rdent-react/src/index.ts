/**
 * Web library of the k0rdent plugins: the k0rdent API (`k0rdentApiRef`,
 * `K0rdentClient`); the pages and cards (the fleet page, the k0rdent tab of a
 * cluster entity with its metrics and cost cards, the clusters card of a group),
 * which work in both frontend systems; and the scaffolder form fields
 * (management cluster, template, credential and cluster pickers, and the
 * template config form), with field extensions for legacy apps.
 *
 * @packageDocumentation
 */

export * from './api';
export * from './components/charts';
export * from './components/cluster';
export * from './components/common';
export * from './components/fleet';
export * from './components/group';
export * from './components/mcs';
export * from './components/template';
export * from './components/tenant';
export * from './fields';
export * from './legacyFieldExtensions';
