/*
 * Credential: a pointer to a CAPI cluster identity (API fact sheet §3.5).
 */
import type { Condition, K0rdentObject, ObjectReference } from './meta';

/** `spec` of a Credential. @public */
export interface CredentialSpec {
  /** The CAPI cluster identity, e.g. AWSClusterStaticIdentity or a Secret. */
  identityRef: ObjectReference;
  /** Region whose cluster hosts clusters using this Credential; immutable. */
  region?: string;
  description?: string;
}

/** `status` of a Credential. @public */
export interface CredentialStatus {
  ready?: boolean;
  /** `CredentialReady`. */
  conditions?: Condition[];
}

/** A k0rdent Credential. @public */
export type Credential = K0rdentObject<
  'Credential',
  CredentialSpec,
  CredentialStatus
>;
