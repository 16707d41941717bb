import { EnterpriseProfile } from '@gec/domain';

/** One revision of a profile version: what the enterprise declared, and when. */
export interface ProfileRevision extends EnterpriseProfile {
  revision: number;
  changedAt: string;
}

/**
 * A version of an enterprise's profile, in force from `effectiveFrom` (a month, YYYY-MM) until the month of the next
 * version (`effectiveUntil`, exclusive; absent for the latest). A PUT for a month that has a version corrects it as a
 * new revision; the earlier revisions are kept in the version's document.
 */
export interface ProfileVersion extends ProfileRevision {
  uscc: string;
  effectiveFrom: string;
  effectiveUntil?: string;
}

export interface ProfileVersions {
  uscc: string;
  /** Oldest first, each as its latest revision says. */
  versions: ProfileVersion[];
}
