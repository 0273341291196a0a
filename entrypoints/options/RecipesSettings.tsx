import { useState } from 'react';
import { ActionErrorText } from '@/components/ActionErrorText';
import { download, FileButton, jsonOfFile } from '@/components/files';
import { useAction } from '@/components/use-action';
import { useI18n } from '@/lib/i18n/react';
import type { MessageKey } from '@/lib/i18n/en';
import { recipesFile } from '@/lib/recipes/save';
import type { Recipe } from '@/lib/schema/recipes';
import { useStoredRecipes } from '@/components/use-recipes';

function RecipeItem({ recipe }: { recipe: Recipe }) {
  const { t, date } = useI18n();
  const [name, setName] = useState(recipe.name);
  const { run, error, busy } = useAction();
  return (
    <li className="recipe-item" data-testid="recipe-item" data-recipe-id={recipe.id}>
      <div className="recipe-head">
        <input aria-label={t('recipes.rename')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} onBlur={() => name.trim() && name !== recipe.name && void run('recipes/update', { id: recipe.id, name })} />
        <button
          type="button"
          className="small-button danger"
          data-testid="recipe-delete"
          disabled={busy}
          onClick={() => window.confirm(t('recipes.deleteConfirm', { name: recipe.name })) && void run('recipes/delete', { id: recipe.id })}
        >
          {t('recipes.delete')}
        </button>
      </div>
      <p className="muted small">
        {recipe.site ?? '—'} · {t(`teach.kind.${recipe.kind}` as MessageKey)} · {recipe.json ? t('recipes.source.json') : t('recipes.source.dom')}
        {recipe.currency ? ` · ${recipe.currency}` : ''} · {recipe.locale} · {date(recipe.updatedAt)}
        {recipe.builtIn ? ` · ${t('recipes.builtIn')}` : ''}
      </p>
      <ActionErrorText error={error} />
    </li>
  );
}

/** Taught pages: listed, renamed, deleted, exported and imported as files (checked, all or nothing, like reply packs). */
export function RecipesSettings() {
  const { t } = useI18n();
  const recipes = useStoredRecipes();
  const [message, setMessage] = useState<string | null>(null);
  const { run, error } = useAction();
  const upload = async (file: File) => {
    const parsed = await jsonOfFile(file);
    if (!parsed) {
      setMessage(t('options.replyImportFailed', { message: t('options.replyNotJson') }));
      return;
    }
    const done = await run('recipes/import', parsed.json);
    setMessage(done ? t('recipes.imported', { added: done.value.added, updated: done.value.updated }) : null);
  };
  return (
    <section className="section" aria-labelledby="recipes-title" data-testid="recipes-settings">
      <h2 id="recipes-title">{t('recipes.title')}</h2>
      <p className="muted">{t('recipes.hint')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="small-button"
          data-testid="recipes-export"
          disabled={recipes.length === 0}
          onClick={() => download(new Blob([JSON.stringify(recipesFile(recipes), null, 2)], { type: 'application/json' }), 'buyerlens-recipes.json')}
        >
          {t('recipes.export')}
        </button>
        <FileButton accept="application/json,.json" testId="recipes-import" onFile={(file) => void upload(file)}>
          {t('recipes.import')}
        </FileButton>
      </div>
      {message && (
        <p className="small" role="status" data-testid="recipes-import-result">
          {message}
        </p>
      )}
      <ActionErrorText error={error} />
      {recipes.length === 0 ? (
        <p className="muted" data-testid="recipe-list">{t('recipes.empty')}</p>
      ) : (
        <ul className="plain-list" data-testid="recipe-list">
          {recipes.map((recipe) => (
            <RecipeItem key={recipe.id} recipe={recipe} />
          ))}
        </ul>
      )}
    </section>
  );
}
