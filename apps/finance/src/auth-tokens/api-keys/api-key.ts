/** An API key as administrators see it: never its secret, which is shown once at creation. */
export interface ApiKey {
  keyId: string;
  bankId: string;
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
