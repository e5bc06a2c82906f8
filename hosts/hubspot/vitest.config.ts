import {defineConfig} from 'vitest/config';

// HubSpot's renderer runs in Node (its components are remote-ui descriptions, no DOM): this is what
// HubSpot's own testing utilities expect.
export default defineConfig({test: {environment: 'node', include: ['src/**/*.test.{ts,tsx}']}});
