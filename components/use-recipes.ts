import { useEffect, useState } from 'react';
import { recipeSchema, type Recipe } from '@/lib/schema/recipes';
import { recipesItem } from '@/lib/teach-state';

/** The seller's stored recipes that validate, live (one that does not is kept in storage, untouched, and not shown). */
export function useStoredRecipes(): Recipe[] {
  const [recipes, setRecipes] = useState<Recipe[]>([]);
  useEffect(() => {
    const parse = (raw: unknown[]) => setRecipes(raw.flatMap((item) => {
      const parsed = recipeSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }));
    void recipesItem.getValue().then(parse);
    return recipesItem.watch(parse);
  }, []);
  return recipes;
}
