// React ships CommonJS only, and the test runner serves ES modules file by file. This bundles React
// (its development build, as a bundler would for a dev server) into ES modules once, with one shared
// copy of React behind every entry, and serves them for `react`, `react-dom`'s client and server
// renderers and the JSX runtime, so a test imports React exactly as an app does.
import {createRequire} from 'node:module';
import {rollup} from 'rollup';
import commonjs from '@rollup/plugin-commonjs';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';

const entries = {
  react: 'react',
  'react-dom-client': 'react-dom/client',
  'react-dom-server': 'react-dom/server',
  'jsx-runtime': 'react/jsx-runtime',
};
const prefix = '/__react/';

/** A web-test-runner plugin serving React as ES modules, resolved from `packageDirectory`. */
export function reactAsEsm(packageDirectory) {
  const require = createRequire(`${packageDirectory}/package.json`);
  const files = new Map();
  const specifiers = new Map();
  return {
    name: 'react-as-esm',
    async serverStart() {
      const bundle = await rollup({
        input: Object.fromEntries(Object.keys(entries).map((name) => [name, `\0entry:${name}`])),
        plugins: [
          {
            name: 'entries',
            resolveId: (id) => (id.startsWith('\0entry:') ? id : null),
            load(id) {
              if (!id.startsWith('\0entry:')) return null;
              const specifier = entries[id.slice('\0entry:'.length)];
              // The names the module exports, read from it in Node: CommonJS has no static list.
              const names = Object.keys(require(specifier)).filter((n) => n !== 'default');
              return `import m from '${specifier}';\nexport default m;\nexport const {${names.join(', ')}} = m;\n`;
            },
          },
          nodeResolve({rootDir: packageDirectory, browser: true}),
          replace({
            preventAssignment: true,
            values: {'process.env.NODE_ENV': JSON.stringify('development')},
          }),
          commonjs(),
        ],
        onwarn: () => {},
      });
      const {output} = await bundle.generate({format: 'es', entryFileNames: '[name].js'});
      await bundle.close();
      for (const chunk of output) if (chunk.type === 'chunk') files.set(chunk.fileName, chunk.code);
      for (const [name, specifier] of Object.entries(entries))
        specifiers.set(specifier, `${prefix}${name}.js`);
    },
    resolveImport: ({source}) => specifiers.get(source),
    serve(context) {
      if (!context.path.startsWith(prefix)) return undefined;
      const code = files.get(context.path.slice(prefix.length));
      return code === undefined ? undefined : {body: code, type: 'js'};
    },
  };
}
