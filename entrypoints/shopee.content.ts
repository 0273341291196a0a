import { shopeeAdapter } from '@/lib/adapters/shopee';
import { runAdapter } from '@/lib/adapters/run-adapter';
import { messagingSink } from '@/lib/adapters/messaging-sink';

export default defineContentScript({
  matches: shopeeAdapter.matches,
  runAt: 'document_start',
  main(ctx) {
    runAdapter(ctx, shopeeAdapter, messagingSink);
  },
});
