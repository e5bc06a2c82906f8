/**
 * The fields a widget shows in places of its own rather than in its layout's body, by source path:
 * the card's header (name, company, avatar, badges) and the balance's figures. Every renderer of a
 * widget leaves the same ones out of the body, so the Lit widgets and a HubSpot card list the same
 * fields in the same order.
 */
export const ownSources = {
  'customer-card': new Set([
    'displayName',
    'company',
    'avatarUrl',
    'lifecycleStage',
    'segment',
    'tags',
  ]) as ReadonlySet<string>,
  'loyalty-balance': new Set([
    'balance',
    'tierId',
    'toNextTier',
    'pending',
    'nextTierId',
  ]) as ReadonlySet<string>,
} as const;
