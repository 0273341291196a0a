import { queueCapture } from '../capture-queue';
import { onBackgroundMessage } from '../messaging/content';
import { sendToBackground } from '../messaging/send';
import type { CaptureSink } from './sink';

/** The content scripts' way to the background (lib/messaging, content → background and back). */
export const messagingSink: CaptureSink = {
  capture: (batch) => sendToBackground('capture', batch),
  screen: (screen) => sendToBackground('screen', screen),
  onInsert: (handler) =>
    onBackgroundMessage('reply-box/insert', ({ text }) => handler(text), (reason) => ({ ok: false, error: reason })),
  replies: {
    pick: (query) => sendToBackground('replies/pick', { query }),
    picked: (id) => void sendToBackground('replies/picked', { id }).catch(() => undefined),
  },
  queue: (batch, reason) => queueCapture(batch, reason),
  health: (report) => sendToBackground('health', report),
};
