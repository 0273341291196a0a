import { shopeeAdapter } from '@/lib/adapters/shopee';
import { messagingSink } from '@/lib/content/messaging-sink';
import { runAdapter } from '@/lib/content/run-adapter';

export default defineContentScript({
  matches: [...shopeeAdapter.matches],
  runAt: 'document_start',
  main(ctx) {
    runAdapter(ctx, shopeeAdapter, messagingSink);
  },
});
