// The script-tag page issue 13 budgets (20 KiB gzip): <rapport-provider>, the customer card, the
// loyalty balance and the complaint form, with the client and the HTTP adapter. rapport.iife.js has
// grown to every widget since, so this is measured on its own beside it.
import '@rapport/widgets/provider';
import '@rapport/widgets/customer-card';
import '@rapport/widgets/loyalty-balance';
import '@rapport/widgets/complaint-form';

export {createClient, isRapportError, RapportError} from '@rapport/core';
export {httpAdapter} from '@rapport/adapter-http';
