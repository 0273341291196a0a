import type { CSSProperties, ReactNode } from 'react';
import type { TagRecord } from '@/lib/schema/records';

/** A tag as the user sees it everywhere: its colour as a dot, its name in the text colour. */
export function TagChip({ tag, children }: { tag: TagRecord; children?: ReactNode }) {
  return (
    <span className="tag-chip" data-testid="tag-chip" data-tag-id={tag.id} style={{ '--tag': tag.color } as CSSProperties}>
      <span className="tag-dot" aria-hidden="true" />
      <span className="tag-name">{tag.name}</span>
      {children}
    </span>
  );
}
