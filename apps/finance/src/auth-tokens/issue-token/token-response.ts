/** An OAuth 2.0 style access token response (RFC 6749 section 5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

import { API_KEY_TOKEN_TTL_SECONDS } from '@gec/platform';

/** Short-lived on purpose (and verifiers refuse longer-lived platform tokens); revocation takes effect sooner, through the denylist. */
export const PLATFORM_TOKEN_TTL_SECONDS = API_KEY_TOKEN_TTL_SECONDS;
