// The bundle leaves undici out (packages/undici-unused stands in for it under @actions/http-client,
// about 100 ms of every start): that holds only while nothing the action runs calls the one method
// that needs undici. This reads the bundle the runner runs, so a new caller in a dependency fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLE, bundleBuilt } from './support/run-action.js';

describe('dist/index.js', () => {
  it('calls nothing that needs the undici it leaves out', async () => {
    await bundleBuilt();
    const bundle = readFileSync(BUNDLE, 'utf8');
    const uses = [...bundle.matchAll(/[.\s]getAgentDispatcher\s*\(|_getProxyAgentDispatcher\s*\(/g)].map(
      (m) => {
        const line = bundle.slice(0, m.index).split('\n').length;
        return `${line}: ${bundle.split('\n')[line - 1]!.trim()}`;
      },
    );
    // Only the definitions in @actions/http-client and its one internal call from getAgentDispatcher.
    expect(
      uses.filter(
        (use) =>
          !/^\d+: (getAgentDispatcher\(serverUrl\) \{|_getProxyAgentDispatcher\(parsedUrl, proxyUrl\) \{|return this\._getProxyAgentDispatcher\(parsedUrl, proxyUrl\);)$/.test(
            use,
          ),
      ),
    ).toEqual([]);
    expect(uses.length).toBeGreaterThan(0);
    expect(bundle).toContain('cloud-phone-deploy bundles no undici');
    expect(bundle).not.toMatch(/class ProxyAgent extends DispatcherBase/);
  });
});
