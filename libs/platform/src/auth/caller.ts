export const ROLES = ['enterprise', 'bank', 'regulator', 'admin', 'provider'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, from a verified token. Exactly one of uscc, bankId and regionPrefix goes with its role, except a data
 * provider's: providerId, regionPrefix (its region scope) and figures.
 */
export interface Caller {
  subject: string;
  role: Role;
  /** enterprise: the enterprise's unified social credit code */
  uscc?: string;
  /** bank: the bank's id */
  bankId?: string;
  /** regulator (and provider: its region scope): GB/T 2260 region prefix, e.g. "50" for Chongqing, "5001" for its districts */
  regionPrefix?: string;
  /** provider: the data provider's id (a provider token comes only from the platform issuer, for an API key) */
  providerId?: string;
  /** provider: the report figures it may supply, as figure keys or groups (`energy.electricity`, `water`) */
  figures?: readonly string[];
  /** A bank's or data provider's machine client with a token the platform issued for this API key (checked against revocations). */
  apiKeyId?: string;
}
