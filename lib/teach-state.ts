import { storage } from 'wxt/utils/storage';
import type { HealthReport, TeachDraft } from './schema/recipes';

/** The seller's recipes (lib/schema/recipes.ts), in storage.local: read by the background and the settings page. */
export const recipesItem = storage.defineItem<unknown[]>('local:recipes', { fallback: [] });

/**
 * Teaching in a tab (storage.session, written by the background): which site, and the page's last
 * report of what was picked and what the inferred recipe reads. The panel shows it live.
 */
export interface TeachSession {
  tabId: number;
  origin: string;
  startedAt: string;
  draft?: TeachDraft;
  /** A recipe being re-taught: saving replaces it. */
  replaces?: string;
}
export const teachItem = (tabId: number) => storage.defineItem<TeachSession | null>(`session:teach:${tabId}`, { fallback: null });

/**
 * Capture health of a tab's page: what its recipe or adapter found there just now, and whether that
 * is a failure (it used to find orders on such pages and now finds none, or a field it always read).
 */
export interface TabHealth extends HealthReport {
  tabId: number;
  broken: boolean;
  at: string;
}
export const tabHealthItem = (tabId: number) => storage.defineItem<TabHealth | null>(`session:health:${tabId}`, { fallback: null });

/** Readers (recipes, adapters' page kinds) that have found orders before: a reader that finds none after is failing, not idle. */
export const healthSeenItem = storage.defineItem<Record<string, string>>('local:healthSeen', { fallback: {} });
