/** Whose machine client uses a key: a bank's or a data provider's. */
export type ApiKeyOwner = { kind: 'bank'; id: string } | { kind: 'provider'; id: string };

/** An API key as administrators see it: never its secret, which is shown once at creation. */
export interface ApiKey {
  keyId: string;
  /** A bank's key. */
  bankId?: string;
  /** A data provider's key. */
  providerId?: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A newly created key, with the one and only copy of the full key. */
export interface CreatedApiKey {
  keyId: string;
  apiKey: string;
  createdAt: string;
}
