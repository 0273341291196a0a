import { useEffect, useState } from 'react';

const NAMES = ['--accent', '--accent-soft', '--muted', '--border', '--text', '--surface', '--danger', '--ok', '--warn'] as const;
type ThemeColors = Record<(typeof NAMES)[number], string>;

function read(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  return Object.fromEntries(NAMES.map((name) => [name, style.getPropertyValue(name).trim()])) as ThemeColors;
}

/** The stylesheet's colours for SVG charts, re-read when the system switches light and dark. */
export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(read());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return colors;
}
