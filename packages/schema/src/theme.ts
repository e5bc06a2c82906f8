import type {ThemeTokens} from './document.js';

/**
 * The CSS custom property each design token of a document sets on the widgets. A token's value in the
 * document's `theme.dark` sets the same property with a `-dark` suffix.
 */
export const tokenProperties: Readonly<Record<keyof ThemeTokens, string>> = {
  accent: '--rapport-color-accent',
  accentText: '--rapport-color-accent-text',
  text: '--rapport-color-text',
  muted: '--rapport-color-muted',
  surface: '--rapport-color-surface',
  border: '--rapport-color-border',
  danger: '--rapport-color-danger',
  success: '--rapport-color-success',
  radius: '--rapport-radius',
  spacing: '--rapport-spacing',
  font: '--rapport-font',
  fontSize: '--rapport-font-size',
};
