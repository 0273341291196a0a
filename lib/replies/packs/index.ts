import type { ReplyTemplateFields } from '../../schema/replies';
import { englishPack } from './en';
import { spanishPack } from './es-419';
import { indonesianPack } from './id';
import { malayPack } from './ms';
import { portuguesePack } from './pt-BR';
import { thaiPack } from './th';
import { vietnamesePack } from './vi';
import { chinesePack } from './zh-CN';
import { taiwanesePack } from './zh-TW';

/** Bumped when a default template is added; existing ones (and the user's edits) are never overwritten. */
export const DEFAULT_PACKS_VERSION = 2;

/** `since`: the packs version that added these templates (a later version adds a new entry here). */
export const DEFAULT_PACKS: readonly { id: string; since: number; templates: readonly ReplyTemplateFields[] }[] = [
  { id: 'default-en', since: 1, templates: englishPack },
  { id: 'default-zh-CN', since: 1, templates: chinesePack },
  { id: 'default-pt-BR', since: 2, templates: portuguesePack },
  { id: 'default-es-419', since: 2, templates: spanishPack },
  { id: 'default-id', since: 2, templates: indonesianPack },
  { id: 'default-vi', since: 2, templates: vietnamesePack },
  { id: 'default-th', since: 2, templates: thaiPack },
  { id: 'default-ms', since: 2, templates: malayPack },
  { id: 'default-zh-TW', since: 2, templates: taiwanesePack },
];
