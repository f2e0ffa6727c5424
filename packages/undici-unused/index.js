// @actions/http-client imports ProxyAgent from undici for the method getAgentDispatcher alone, which nothing
// in the action calls (test/e2e-bundle.test.ts checks the bundle for callers). Should that change, this
// error names the cause instead of a request quietly skipping the proxy.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'cloud-phone-deploy bundles no undici (packages/undici-unused): HttpClient.getAgentDispatcher is not supported',
    );
  }
}
