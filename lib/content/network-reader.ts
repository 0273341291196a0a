import { emptyExtraction, type TappedResponse } from '../adapters/types';
import type { Sliced } from '../adapters/slices';
import type { Extraction } from '../schema/capture';
import { boundedProblems } from '../schema/limits';
import type { ConsolePage, PageSession } from './page';
import type { ScreenReporter } from './screen-reporter';
import type { SendCapture } from './sink';
import type { TapResponse } from './tap/tap-protocol';

/** The tapped copy as the adapter reads it: URL resolved, bodies parsed (a request body that is not JSON is left out). */
function tappedFrom(response: TapResponse, url: URL): TappedResponse {
  const body: unknown = JSON.parse(response.body);
  let requestBody: unknown;
  try {
    requestBody = response.requestBody ? JSON.parse(response.requestBody) : undefined;
  } catch {
    requestBody = undefined; // form-encoded or empty: the adapters that need it send JSON
  }
  return { url, body, ...(requestBody !== undefined ? { requestBody } : {}) };
}

/**
 * What one tapped response holds, read in slices: the adapter's orders, buyers and problems, and (on a
 * chat page) who the conversation is with. A body that is not JSON, or an adapter that throws, is a
 * problem of the capture, never an exception.
 */
export function* readResponse(page: ConsolePage, session: PageSession, response: TapResponse): Sliced<{ extraction: Extraction; url: URL } | undefined> {
  let url: URL;
  try {
    url = new URL(response.url, session.url);
  } catch {
    return undefined;
  }
  try {
    const tapped = tappedFrom(response, url);
    yield; // parsing a long list is a step of its own
    // The background checks each record (a bad field costs that field); a long problem list is bounded here.
    const read = yield* page.adapter.fromResponse(tapped, session.url);
    const extraction = { ...read, problems: boundedProblems(read.problems) };
    const opened = page.adapter.chat?.conversationFrom(tapped, session.url);
    if (opened) session.conversation = opened;
    return { extraction, url };
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'response is not JSON' : `adapter failed: ${String(error)}`;
    return { extraction: { ...emptyExtraction(), problems: [{ where: url.pathname, reason }] }, url };
  }
}

/** The job for one tapped response: read it, remember its orders, send it, and say who is on screen now. */
export function networkReader(page: ConsolePage, send: SendCapture, screen: ScreenReporter): (response: TapResponse) => Sliced<void> {
  return function* (response) {
    const session = page.session();
    const read = yield* readResponse(page, session, response);
    if (!read) return;
    page.memory.remember(read.extraction.orders);
    session.networkOrders += read.extraction.orders.length;
    yield; // and so is sending it (the message is serialised here)
    send('network', read.extraction, session, read.url.href);
    screen.update();
  };
}
