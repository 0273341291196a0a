import { describe, expect, it } from 'vitest';
import { mayReceiveFrom, trustOf } from './sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const contentScript = { id: ID, url: 'https://seller.shopee.com.br/portal/sale/order/1', tab: { id: 7, url: 'https://seller.shopee.com.br/portal/sale/order/1' }, frameId: 0 };
const sidePanel = { id: ID, url: `${ORIGIN}sidepanel.html` };
const panelInATab = { id: ID, url: `${ORIGIN}sidepanel.html`, tab: { id: 9, url: `${ORIGIN}sidepanel.html` } };
const background = { id: ID, url: `${ORIGIN}background.js` };
const otherExtension = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' };

describe('who may send what', () => {
  it('tells this extension’s pages from its content scripts, and trusts no one else', () => {
    expect(trustOf(contentScript, ID, ORIGIN)).toBe('content');
    expect(trustOf(sidePanel, ID, ORIGIN)).toBe('page');
    expect(trustOf(panelInATab, ID, ORIGIN)).toBe('page');
    expect(trustOf(background, ID, ORIGIN)).toBe('page');
    expect(trustOf(otherExtension, ID, ORIGIN)).toBeUndefined();
    expect(trustOf({ url: 'https://evil.example/' }, ID, ORIGIN)).toBeUndefined();
  });

  it('lets a content script send captures but never change the user’s data', () => {
    expect(mayReceiveFrom('content', trustOf(contentScript, ID, ORIGIN), contentScript)).toBe(true);
    expect(mayReceiveFrom('page', trustOf(contentScript, ID, ORIGIN), contentScript)).toBe(false);
    expect(mayReceiveFrom('page', trustOf(sidePanel, ID, ORIGIN), sidePanel)).toBe(true);
    expect(mayReceiveFrom('content', trustOf(otherExtension, ID, ORIGIN), otherExtension)).toBe(false);
  });

  it('lets a content script take orders from the background only, not from another tab', () => {
    expect(mayReceiveFrom('background', trustOf(background, ID, ORIGIN), background)).toBe(true);
    expect(mayReceiveFrom('background', trustOf(panelInATab, ID, ORIGIN), panelInATab)).toBe(false);
    expect(mayReceiveFrom('background', trustOf(contentScript, ID, ORIGIN), contentScript)).toBe(false);
  });
});
