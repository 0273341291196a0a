import { z } from 'zod';
import { SHOP_KEY_PATTERN } from '../schema/keys';

/**
 * An invite code, as `npm run sync-server -- invite` prints it: `BL1.` and the invite as base64url
 * JSON. It carries the server's address, so joining needs nothing else.
 */
export const inviteSchema = z.object({
  v: z.literal(1),
  // Over TLS, or on this machine (the extension's CSP lets nothing else out: wxt.config.ts).
  url: z.string().regex(/^(wss:\/\/[^\s/]+|ws:\/\/(127\.0\.0\.1|localhost)(:\d+)?)(\/\S*)?$/, 'the server must be a wss:// address (TLS), or ws:// on this machine (127.0.0.1 or localhost)'),
  token: z.string().min(20).max(4000),
  team: z.string().min(4).max(100),
  salt: z.string().min(16).max(200),
  agent: z.string().min(4).max(100),
  role: z.enum(['rw', 'ro']),
  shops: z.union([z.literal('*'), z.array(z.string().regex(SHOP_KEY_PATTERN)).min(1).max(200)]),
});
export type Invite = z.infer<typeof inviteSchema>;

export class InvalidInviteError extends Error {}

export function parseInvite(code: string): Invite {
  const trimmed = code.trim();
  if (!trimmed.startsWith('BL1.')) throw new InvalidInviteError('This is not a BuyerLens invite code (it starts with “BL1.”).');
  let json: unknown;
  try {
    const base64 = trimmed.slice(4).replaceAll('-', '+').replaceAll('_', '/');
    json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
  } catch {
    throw new InvalidInviteError('The invite code is damaged: copy it again, whole.');
  }
  const parsed = inviteSchema.safeParse(json);
  if (!parsed.success) throw new InvalidInviteError(`The invite code is not valid: ${parsed.error.issues[0]?.message ?? 'unknown'}.`);
  return parsed.data;
}

/** Whether an invite covers a shop. */
export const coversShop = (invite: Invite, shopKey: string): boolean => invite.shops === '*' || invite.shops.includes(shopKey);

