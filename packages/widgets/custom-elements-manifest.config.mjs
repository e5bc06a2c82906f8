// custom-elements.json from the classes' JSDoc (Shoelace-style). The base class is included so the
// shared properties (client, customization, viewer-role, locale, theme) appear on every widget.
export default {
  globs: ['src/**/*.component.ts', 'src/shared/widget.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))` and names them after
      // the argument. The JSDoc @event lines are the contract: keep only those.
      name: 'documented-events-only',
      packageLinkPhase({customElementsManifest}) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events)
              declaration.events = declaration.events.filter(
                (event) => event.name && event.description,
              );
          }
        }
      },
    },
  ],
};
