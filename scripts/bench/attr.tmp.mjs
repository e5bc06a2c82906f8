import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import replace from '@rollup/plugin-replace';
import {rollup} from 'rollup';
import {minify} from '/work/main/node_modules/.pnpm/terser@5.51.2/node_modules/terser/main.js';
import {browserPlugins} from '../rollup-common.mjs';
const input = fileURLToPath(import.meta.resolve(process.argv[2]));
const build = await rollup({input, plugins:[replace({preventAssignment:true,values:{'process.env.NODE_ENV':'"production"'}}), ...browserPlugins({minify:false})], onwarn(){}});
const {output} = await build.generate({format:'es', inlineDynamicImports:true});
const rows=[];
for (const [id,m] of Object.entries(output[0].modules)) {
  if (!m.code) continue;
  const min = (await minify(m.code,{module:true,compress:false,mangle:false})).code ?? '';
  rows.push([id.replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//,'').replace(/.*packages\//,''), min.length, gzipSync(min,{level:9}).length]);
}
rows.sort((a,b)=>b[2]-a[2]);
let t=0; for (const r of rows) {t+=r[2]; console.log(String(r[2]).padStart(6), String(r[1]).padStart(7), r[0]);}
console.log('sum gz (separately)', t);
