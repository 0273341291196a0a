import { amazonAdapter } from '@/lib/adapters/amazon';
import { runAdapter } from '@/lib/adapters/run-adapter';
import { messagingSink } from '@/lib/adapters/messaging-sink';

export default defineContentScript({
  matches: amazonAdapter.matches,
  runAt: 'document_start',
  main(ctx) {
    runAdapter(ctx, amazonAdapter, messagingSink);
  },
});
