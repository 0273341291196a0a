import type { ReplyTemplateFields } from '../../schema/replies';
import { englishPack } from './en';
import { chinesePack } from './zh-CN';

/** Bumped when a default template is added; existing ones (and the user's edits) are never overwritten. */
export const DEFAULT_PACKS_VERSION = 1;

/** `since`: the packs version that added these templates (a later version adds a new entry here). */
export const DEFAULT_PACKS: readonly { id: string; since: number; templates: readonly ReplyTemplateFields[] }[] = [
  { id: 'default-en', since: 1, templates: englishPack },
  { id: 'default-zh-CN', since: 1, templates: chinesePack },
];
