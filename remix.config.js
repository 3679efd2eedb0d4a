/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // The generated Prisma client is ESM TypeScript inside app/ and is bundled; these stay external on purpose:
  // they are shared at run time with realtime/ through the same node_modules.
  serverDependenciesToBundle: [],
  browserNodeBuiltinsPolyfill: { modules: { buffer: true } },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
