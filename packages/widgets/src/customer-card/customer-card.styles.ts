import {css} from 'lit';

/**
 * A card off screen skips its style, layout and paint until it comes near the viewport
 * (`content-visibility: auto` on the card's box, `part="base"`), keeping the size it last had, or
 * about a card's size before it first shows (the content box: 320 × 300 px, compact 320 × 48 px; in
 * px because the card's type and spacing are): a page of 1,000 cards lays out the few on screen. Its
 * text stays findable and in the accessibility tree. On the box rather than the element, so a shadow
 * a page gives `::part(base)` is not clipped. A page that needs every card laid out sets
 * `rapport-customer-card::part(base) { content-visibility: visible; }`.
 */
export const cardStyles = css`
  .base {
    content-visibility: auto;
    contain-intrinsic-size: auto 320px auto 300px;
  }
  :host([variant='compact']) .base {
    contain-intrinsic-size: auto 320px auto 48px;
  }
  .header {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
  }
  .avatar {
    flex: none;
    width: 44px;
    height: 44px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    overflow: hidden;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    font-size: 1.05em;
  }
  .avatar img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .identity {
    flex: 1 1 auto;
    min-width: 0;
  }
  .name {
    margin: 0;
    font-size: 1.15em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .company {
    margin: 0;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin-top: calc(var(--_space) * 0.5);
  }
  .badge.stage {
    border-color: var(--_accent);
  }
  .body {
    margin-top: calc(var(--_space) * 2);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
    padding-top: calc(var(--_space) * 1.5);
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .open {
    font-weight: 600;
    color: var(--_text);
  }
  :host([variant='compact']) .base {
    padding: calc(var(--_space) * 1.25);
  }
`;
