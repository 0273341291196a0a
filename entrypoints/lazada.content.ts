import { lazadaAdapter } from '@/lib/adapters/lazada';
import { messagingSink } from '@/lib/content/messaging-sink';
import { runAdapter } from '@/lib/content/run-adapter';

export default defineContentScript({
  matches: [...lazadaAdapter.matches],
  runAt: 'document_start',
  main(ctx) {
    runAdapter(ctx, lazadaAdapter, messagingSink);
  },
});
