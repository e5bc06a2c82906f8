// What one customer card shows, computed straight from the demo data: the baselines build the same DOM
// from it without any client, customization or shadow DOM.
import {backend} from './shared.js';

export function cardData() {
  const adapter = backend();
  const {customers, complaints, interactions} = adapter.data;
  const open = new Map();
  for (const c of complaints)
    if (['new', 'acknowledged', 'in_progress'].includes(c.status))
      open.set(c.customerId, (open.get(c.customerId) ?? 0) + 1);
  const last = new Map();
  for (const i of interactions) if (!last.has(i.customerId)) last.set(i.customerId, i);
  return customers.map((c) => ({
    name: c.displayName,
    initials: c.displayName.slice(0, 1),
    company: c.company ?? '',
    badges: [c.lifecycleStage, c.segment ?? '', ...c.tags].filter(Boolean),
    fields: [
      ['Email', c.email ?? ''],
      ['Phone', `****${(c.phone ?? '').slice(-4)}`],
      ['Membership no.', `****${String(c.customFields.membership_number).slice(-4)}`],
      ['Preferred store', String(c.customFields.preferred_store)],
      [
        'Customer since',
        new Intl.DateTimeFormat('en', {dateStyle: 'medium'}).format(new Date(c.createdAt)),
      ],
    ],
    open: open.get(c.id) ?? 0,
    last: last.get(c.id)?.summary ?? 'No contact yet',
  }));
}

export const cardCss = `
.card{display:block;border:1px solid #d9e2ec;border-radius:10px;padding:16px;margin:8px;font:14px system-ui;background:#fff}
.card header{display:flex;gap:12px;align-items:center}.avatar{width:44px;height:44px;border-radius:50%;display:grid;place-items:center;background:#0b6e69;color:#fff}
.name{margin:0;font-weight:600}.company{margin:0;color:#52606d}.badges{display:flex;gap:4px;flex-wrap:wrap}.badge{padding:0 8px;border:1px solid #d9e2ec;border-radius:999px;font-size:12px}
.grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:8px 16px;margin-top:16px}dl{margin:0}dt{font-size:12px;color:#52606d}dd{margin:0}
footer{display:flex;justify-content:space-between;margin-top:16px;padding-top:12px;border-top:1px solid #d9e2ec;color:#52606d}`;
