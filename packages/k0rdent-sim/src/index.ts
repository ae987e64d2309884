/**
 * A simulated k0rdent management cluster: a Kubernetes API server on loopback with
 * simulated KCM, KSM and KOF controllers.
 *
 * @packageDocumentation
 */
export * from './schema';
