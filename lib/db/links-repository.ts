import type { BuyerLensDatabase } from './database';

/**
 * Links two buyer records as one person (say, the same customer on Shopee and on Amazon). Only the
 * user does this: BuyerLens never links buyers on its own. Linking into a group links to all of it.
 */
export async function linkBuyers(db: BuyerLensDatabase, buyerKey: string, otherKey: string): Promise<string> {
  if (buyerKey === otherKey) throw new Error('A buyer cannot be linked to themselves.');
  return db.transaction('rw', db.buyers, async () => {
    const [a, b] = await db.buyers.bulkGet([buyerKey, otherKey]);
    if (!a || !b) throw new Error('That buyer is not in BuyerLens.');
    const personId = a.personId ?? b.personId ?? crypto.randomUUID();
    // Two existing groups become one.
    const regroup = [a.personId, b.personId].filter((p): p is string => p !== undefined && p !== personId);
    if (regroup.length > 0) await db.buyers.where('personId').anyOf(regroup).modify({ personId });
    await db.buyers.bulkUpdate([
      { key: a.buyerKey, changes: { personId } },
      { key: b.buyerKey, changes: { personId } },
    ]);
    return personId;
  });
}

/** Takes one buyer out of their group; a group of one is no group. */
export async function unlinkBuyer(db: BuyerLensDatabase, buyerKey: string): Promise<void> {
  await db.transaction('rw', db.buyers, async () => {
    const buyer = await db.buyers.get(buyerKey);
    if (!buyer?.personId) return;
    const personId = buyer.personId;
    await db.buyers.where('buyerKey').equals(buyerKey).modify((b) => {
      delete b.personId;
    });
    await dissolveIfAlone(db, personId);
  });
}

/** A group of one is no group: after a buyer leaves (unlinked or erased), a lone member is unlinked too. */
export async function dissolveIfAlone(db: BuyerLensDatabase, personId: string): Promise<void> {
  const rest = await db.buyers.where('personId').equals(personId).primaryKeys();
  if (rest.length === 1) {
    await db.buyers.where('buyerKey').equals(rest[0]!).modify((b) => {
      delete b.personId;
    });
  }
}
