import { onMessage, sendMessage } from '../messaging';
import type { CaptureSink } from './run-adapter';

/** The content scripts' way to the background. */
export const messagingSink: CaptureSink = {
  capture: (batch) => sendMessage('capture', batch),
  screen: (screen) => sendMessage('screen', screen),
  onInsert: (handler) => onMessage('chat/insert', ({ data }) => handler(data.text)),
  replies: {
    pick: (query) => sendMessage('replies/pick', { query }),
    picked: (id) => void sendMessage('replies/picked', { id }).catch(() => undefined),
  },
};
