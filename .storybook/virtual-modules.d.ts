declare module 'virtual:pbgdpl/custom-elements-manifest' {
  const manifest: unknown;
  export default manifest;
}
