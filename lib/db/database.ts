import Dexie, { type EntityTable } from 'dexie';
import type { ListedBuyer } from '../buyers/list';
import type { BuyerRecord, BuyerSearchRecord, CaptureLogRecord, NoteRecord, OrderFlagRecord, OrderRecord, SettingRecord, ShopRecord, TagRecord } from '../schema/records';
import type { ReplyTemplateRecord } from '../schema/replies';
import { buyerListMiddleware, type BuyerListMark } from './buyer-list-writer';
import { syncOutboxMiddleware, type OutboxRecord, type SyncHooksHolder, type SyncStateRecord, type SyncUpdateRecord } from './sync-store';
import { declareVersions } from './versions';

export const DATABASE_NAME = 'buyerlens';

/**
 * The BuyerLens store. It lives in the extension's origin: the background is its only writer
 * (through the repositories in this folder); extension pages read it. Content scripts never import
 * this module, since an IndexedDB opened there would belong to the marketplace's origin.
 */
export class BuyerLensDatabase extends Dexie {
  shops!: EntityTable<ShopRecord, 'shopKey'>;
  buyers!: EntityTable<BuyerRecord, 'buyerKey'>;
  buyerSearch!: EntityTable<BuyerSearchRecord, 'buyerKey'>;
  orders!: EntityTable<OrderRecord, 'orderKey'>;
  tags!: EntityTable<TagRecord, 'id'>;
  notes!: EntityTable<NoteRecord, 'id'>;
  replyTemplates!: EntityTable<ReplyTemplateRecord, 'id'>;
  captureLog!: EntityTable<CaptureLogRecord, 'id'>;
  orderFlags!: EntityTable<OrderFlagRecord, 'orderKey'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  /** Derived from the buyers (buyer-list-writer.ts): what the buyers page lists and sorts. */
  buyerList!: EntityTable<ListedBuyer, 'buyerKey'>;
  buyerListDirty!: EntityTable<BuyerListMark, 'id'>;
  /** Team sync (sync-store.ts): the team documents' updates, and local changes on their way into them. */
  syncUpdates!: EntityTable<SyncUpdateRecord, 'id'>;
  syncOutbox!: EntityTable<OutboxRecord, 'id'>;
  syncState!: EntityTable<SyncStateRecord, 'doc'>;
  /** Set while a team is joined (lib/sync/engine.ts). */
  readonly syncHooks: SyncHooksHolder = { current: null };

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    declareVersions(this);
    this.use(buyerListMiddleware);
    this.use(syncOutboxMiddleware(this.syncHooks));
  }
}

export const db = new BuyerLensDatabase();
