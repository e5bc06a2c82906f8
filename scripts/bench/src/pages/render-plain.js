// Render cost, the floor: the same card DOM built with document.createElement.
import {cardCss, cardData} from './cards-data.js';
import {measureMount} from './shared.js';

const data = cardData();
const style = document.createElement('style');
style.textContent = cardCss;
document.head.append(style);

const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

window.bench = {
  mount(n) {
    return measureMount(n, async () => {
      const container = el('div');
      for (let i = 0; i < n; i++) {
        const d = data[i % data.length];
        const card = el('article', 'card');
        const header = el('header');
        header.append(el('div', 'avatar', d.initials));
        const identity = el('div');
        identity.append(el('p', 'name', d.name), el('p', 'company', d.company));
        const badges = el('div', 'badges');
        for (const b of d.badges) badges.append(el('span', 'badge', b));
        identity.append(badges);
        header.append(identity);
        const grid = el('div', 'grid');
        for (const [label, value] of d.fields) {
          const dl = el('dl');
          dl.append(el('dt', '', label), el('dd', '', value));
          grid.append(dl);
        }
        const footer = el('footer');
        footer.append(
          el('span', '', d.open ? `${d.open} open complaints` : 'No open complaints'),
          el('span', '', `Last contact: ${d.last}`),
        );
        card.append(header, grid, footer);
        container.append(card);
      }
      document.body.append(container);
      return container;
    });
  },
};
