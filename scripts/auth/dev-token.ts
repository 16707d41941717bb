// Mints a development token from the local identity provider's key in .local/auth (created on first use).
//   npm run token -- enterprise <uscc> | bank <bank-id> | regulator <region-prefix> | admin  [--hours N]
import path from 'node:path';
import { LocalAuthority, TokenClaims } from '@gec/testing';

const USAGE = 'usage: npm run token -- enterprise <uscc> | bank <bank-id> | regulator <region-prefix> | admin [--hours N]';

function claimsFrom(args: string[]): TokenClaims {
  const [role, value] = args;
  switch (role) {
    case 'enterprise':
      if (value) return { role, uscc: value };
      break;
    case 'bank':
      if (value) return { role, bankId: value };
      break;
    case 'regulator':
      if (value) return { role, region: value };
      break;
    case 'admin':
      return { role };
  }
  throw new Error(USAGE);
}

async function main() {
  const args = process.argv.slice(2);
  const hoursAt = args.indexOf('--hours');
  const hours = hoursAt >= 0 ? Number(args.splice(hoursAt, 2)[1]) : 12;
  const authority = new LocalAuthority(path.resolve(__dirname, '../../.local/auth'));
  process.stdout.write(`${await authority.token(claimsFrom(args), { expiresInSeconds: hours * 3600 })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
