import { tiktokAdapter } from '@/lib/adapters/tiktok';
import { messagingSink } from '@/lib/content/messaging-sink';
import { runAdapter } from '@/lib/content/run-adapter';

export default defineContentScript({
  matches: [...tiktokAdapter.matches],
  runAt: 'document_start',
  main(ctx) {
    runAdapter(ctx, tiktokAdapter, messagingSink);
  },
});
