import type { Segment } from '@/lib/schema/rfm';

/** How a segment reads at a glance: doing well, wants attention, or in between. */
export function segmentTone(segment: Segment): 'good' | 'warn' | 'risk' | 'calm' {
  switch (segment) {
    case 'champions':
    case 'loyal':
    case 'important-value':
    case 'general-value':
      return 'good';
    case 'at-risk':
    case 'cant-lose-them':
    case 'important-retention':
    case 'important-winback':
      return 'risk';
    case 'need-attention':
    case 'about-to-sleep':
    case 'hibernating':
    case 'lost':
    case 'general-winback':
      return 'warn';
    default:
      return 'calm';
  }
}
