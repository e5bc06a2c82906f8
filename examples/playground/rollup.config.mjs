import {browserPlugins, onwarn} from '../../scripts/rollup-common.mjs';

// The playground's page script, bundled from the npm packages the way a host app would.
export default {
  input: 'src/app.js',
  output: {file: 'dist/app.js', format: 'es', sourcemap: true},
  plugins: browserPlugins({minify: true}),
  onwarn,
};
