// The data path of a script-tag page: the client and the HTTP adapter.
export {createClient} from '@rapport/core';
export {httpAdapter} from '@rapport/adapter-http';
