import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CaptureResult } from './db/capture-repository';
import type { CaptureBatch, Screen } from './schema/capture';

export type CaptureReply = { ok: true; result: CaptureResult } | { ok: false; error: string };

/**
 * Every message between the extension's contexts. Payloads are z.infer types of lib/schema; the
 * background parses each one again before acting on it, since content scripts carry page data.
 */
export interface ProtocolMap {
  /** Content script → background: what an adapter read from a page or a response. */
  capture(batch: CaptureBatch): CaptureReply;
  /** Content script → background: who is on screen in the sender's tab now (null: nobody). */
  screen(screen: Screen | null): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: undefined });
