import type { ReplyRule } from './types';

/** Messaging rules several marketplaces share; each adapter picks the ones its console enforces. */

const URL_PATTERN = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|shop|store|link|ly|me|io|br|cn)(?:\/\S*)?\b/i;
const EMAIL_PATTERN = /[\w.+-]+@[\w-]+\.[\w.-]+/;
/** Seven or more digits, allowing the spaces, dots, dashes and brackets people write numbers with. */
const PHONE_PATTERN = /(?<![\w+])\+?(?:\d[\s().-]?){7,}\d(?!\w)/g;
const OFF_PLATFORM_PATTERN = /\b(?:whats\s?app|wa\.me|telegram|wechat|line\s?id|instagram|zap)\b|微信|加微|vx/i;
const REVIEW_INCENTIVE_PATTERN = /\b(?:positive|good|5[-\s]?star|five[-\s]?star)\s+(?:review|feedback|rating)s?\b|\b(?:refund|discount|gift|coupon)\b[^.!?]{0,40}\breview\b|好评返现|五星好评/i;
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /\b[A-Za-z]{3,}\b/;

export const noLinks: ReplyRule = { id: 'no-links', breaks: (text) => URL_PATTERN.test(text) };
export const noEmail: ReplyRule = { id: 'no-email', breaks: (text) => EMAIL_PATTERN.test(text) };
/**
 * Order ids are long digit runs too (Amazon 123-1234567-1234567, Shopee 15 digits), and tracking
 * numbers run into letters: only free-standing runs of 8 to 13 digits that are not a date count as a phone number.
 */
export const noPhone: ReplyRule = {
  id: 'no-phone',
  breaks: (text) =>
    [...text.matchAll(PHONE_PATTERN)].some((m) => {
      const digits = m[0].replace(/\D/g, '');
      const run = m[0].trim();
      const orderId = /^\d{3}-\d{7}-\d{7}$/.test(run);
      const date = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{4}$/.test(run);
      return !orderId && !date && digits.length >= 8 && digits.length <= 13;
    }),
};
export const noOffPlatformContact: ReplyRule = { id: 'no-off-platform', breaks: (text) => OFF_PLATFORM_PATTERN.test(text) };
export const noReviewIncentive: ReplyRule = { id: 'no-review-incentive', breaks: (text) => REVIEW_INCENTIVE_PATTERN.test(text) };

/** Chinese text to a buyer who expects another language, or the reverse. */
export const buyersLanguage: ReplyRule = {
  id: 'buyer-language',
  breaks(text, { replyLanguage }) {
    if (!replyLanguage) return false;
    const primary = replyLanguage.split('-')[0];
    const chinese = HAN.test(text);
    const cjkMarket = primary === 'zh' || primary === 'ja';
    return cjkMarket ? !chinese && LATIN_WORD.test(text) && primary === 'zh' : chinese;
  },
};

/** The rules a text breaks, by id, for the adapter's console. */
export function lintReply(rules: readonly ReplyRule[], text: string, replyLanguage: string | undefined): string[] {
  return rules.filter((rule) => rule.breaks(text, { replyLanguage })).map((rule) => rule.id);
}
