import {rollup} from 'rollup';
import {browserPlugins} from '/work/main/scripts/rollup-common.mjs';
import {gzipSync} from 'node:zlib';
const input = process.argv[2];
const b = await rollup({input, plugins: browserPlugins({minify: true}), onwarn: () => {}});
const {output} = await b.generate({format: 'es'});
const code = output[0].code;
console.log(input, code.length, 'min', gzipSync(code, {level: 9}).length, 'gzip');
