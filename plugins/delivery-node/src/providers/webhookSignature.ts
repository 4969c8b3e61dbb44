import { createHmac, timingSafeEqual } from 'node:crypto';

/** Equal strings, compared in time that does not depend on where they differ. @public */
export function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The hex HMAC-SHA256 of a body, as GitHub (`sha256=`) and PagerDuty (`v1=`) sign webhooks. @public */
export function hmacSha256Hex(secret: string, body: Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}
