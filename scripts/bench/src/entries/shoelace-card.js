// What a team might use instead for a card: Shoelace's <sl-card>.
import '@shoelace-style/shoelace/dist/components/card/card.js';
