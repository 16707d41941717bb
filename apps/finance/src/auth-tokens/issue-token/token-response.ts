/** An OAuth 2.0 style access token response (RFC 6749 section 5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** Short-lived on purpose: a revoked key's last token is useless within this many seconds. */
export const PLATFORM_TOKEN_TTL_SECONDS = 300;
