import { amazonAdapter } from '@/lib/adapters/amazon';
import { messagingSink } from '@/lib/content/messaging-sink';
import { runAdapter } from '@/lib/content/run-adapter';

export default defineContentScript({
  matches: [...amazonAdapter.matches],
  runAt: 'document_start',
  main(ctx) {
    runAdapter(ctx, amazonAdapter, messagingSink);
  },
});
