/**
 * k0rdent API types, kinds, entity annotations, permissions and wire types shared by the k0rdent plugins.
 *
 * @packageDocumentation
 */

export * from './kinds';
export * from './k0rdent';
export * from './entity';
export * from './kubeObject';
export * from './permissions';
export * from './api';
