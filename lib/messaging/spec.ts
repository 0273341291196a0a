import type { $ZodType } from 'zod/v4/core';

/**
 * One message: the schema its payload is parsed with, and the type of its reply. Replies come from
 * BuyerLens's own code, so they are typed, not parsed; `reply` is never read at run time.
 */
export interface MessageSpec<S extends $ZodType = $ZodType, R = unknown> {
  data: S;
  reply: R;
}

/** `replying<Reply>()(payloadSchema)`: a message whose receiver answers with a `Reply`. */
export const replying =
  <R>() =>
  <S extends $ZodType>(data: S): MessageSpec<S, R> => ({ data, reply: undefined as R });
