import { regionCodeMatchesPrefix } from '@gec/domain';
import { Caller } from './caller';

declare const proof: unique symbol;
declare const admitted: unique symbol;
declare const pipeline: unique symbol;

/** `provider`: a data provider supplying figures for (and reading its own submissions about) an enterprise in its region scope. */
export type AccessBasis = 'self' | 'consent' | 'jurisdiction' | 'admin' | 'provider';

/**
 * Proof that a caller may see one enterprise's data. Repositories for enterprise data take one of these
 * instead of a bare code, so a query for enterprise data can't be built without the caller's scope.
 */
export interface EnterpriseAccess {
  readonly uscc: string;
  readonly caller: Caller;
  readonly basis: AccessBasis;
  /** With basis consent: the consent the access relies on. */
  readonly consentId?: string;
  readonly [proof]: true;
}

/**
 * Decides whether `caller` may see enterprise `uscc` on one of the `allowed` bases. Regulators (and data
 * providers) get access bounded by their region, checked against the data's own region with `withinScope` when it is read.
 * A bank's consent is looked up by the service and passed in. Returns null when nothing allows it.
 */
export function grantAccess(caller: Caller, uscc: string, allowed: AccessBasis[], consentId?: string | null): EnterpriseAccess | null {
  const basis = basisFor(caller, uscc, consentId);
  if (!basis || !allowed.includes(basis)) return null;
  return { uscc, caller, basis, ...(basis === 'consent' ? { consentId: consentId! } : {}) } as EnterpriseAccess;
}

function basisFor(caller: Caller, uscc: string, consentId?: string | null): AccessBasis | null {
  switch (caller.role) {
    case 'enterprise':
      return caller.uscc === uscc ? 'self' : null;
    case 'bank':
      return consentId ? 'consent' : null;
    case 'regulator':
      return 'jurisdiction';
    case 'admin':
      return 'admin';
    case 'provider':
      return 'provider';
  }
}

/**
 * Enterprise data that passed its access's scope check. A repository method that serves a caller returns
 * `Admitted<T>`, which only `admit` makes, so a read cannot leave the repository without the region check.
 */
export type Admitted<T> = T & { readonly [admitted]: true };

/** `value` if the access reaches data of an enterprise in `regionCode` (a regulator's only within its region), else null. */
export function admit<T extends object>(access: EnterpriseAccess, regionCode: string | undefined, value: T | null | undefined): Admitted<T> | null {
  return value && withinScope(access, regionCode) ? (value as Admitted<T>) : null;
}

/**
 * Keys of enterprise data that the pipeline itself reads or writes: taken from the events a consumer is handling or
 * from a job's own work, never from a caller. Repository methods without a caller take these instead of bare codes;
 * lint forbids making them in controllers, read models and the use cases that answer reads (`get-*`).
 */
export interface PipelineKeys<K> {
  readonly keys: readonly K[];
  readonly [pipeline]: true;
}

export function pipelineKeys<K>(keys: readonly K[]): PipelineKeys<K> {
  return { keys } as PipelineKeys<K>;
}

/** Whether data of an enterprise in `regionCode` is within the access (a regulator's or provider's region prefix). */
function withinScope(access: EnterpriseAccess, regionCode: string | undefined): boolean {
  if (access.basis !== 'jurisdiction' && access.basis !== 'provider') return true;
  return regionCode !== undefined && regionCodeMatchesPrefix(regionCode, access.caller.regionPrefix ?? '');
}
