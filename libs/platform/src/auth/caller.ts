export const ROLES = ['enterprise', 'bank', 'regulator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. Exactly one of uscc, bankId and regionPrefix goes with its role. */
export interface Caller {
  subject: string;
  role: Role;
  /** enterprise: the enterprise's unified social credit code */
  uscc?: string;
  /** bank: the bank's id */
  bankId?: string;
  /** regulator: GB/T 2260 region prefix, e.g. "50" for Chongqing, "5001" for its districts */
  regionPrefix?: string;
  /** A bank's machine client with a token the platform issued for this API key (checked against revocations). */
  apiKeyId?: string;
}
