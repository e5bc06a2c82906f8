import {noChange} from 'lit';
import {Directive, directive, PartType, type ElementPart, type PartInfo} from 'lit/directive.js';

/**
 * Sets CSS custom properties on an element through the CSSOM: `<div ${cssProperties({'--progress': '0.4'})}>`.
 *
 * Why not Lit's styleMap: on its first render styleMap writes a `style` attribute, which a Content
 * Security Policy without 'unsafe-inline' for styles blocks. `element.style.setProperty` is not an
 * inline style in CSP's sense, so this works on the strictest pages.
 */
class CssPropertiesDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT)
      throw new Error('cssProperties() goes on an element: <div ${cssProperties({...})}>');
  }

  render(_properties: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(
    part: ElementPart,
    [properties]: [Readonly<Record<string, string>>],
  ): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(properties));
    return noChange;
  }
}

export const cssProperties = directive(CssPropertiesDirective);
