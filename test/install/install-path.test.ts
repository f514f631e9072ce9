import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/run-cli.js';

/**
 * `npm ci` must reach nothing but the npm registry. Two ways it could go outside: a locked package
 * resolved from elsewhere (a git URL, a tarball on some server), or an install script that
 * downloads (onnxruntime-node's fetches CUDA libraries from NuGet on linux/x64). Install scripts
 * are governed by package.json `allowScripts` (npm's install-script policy; the deprecated
 * `.npmrc` key `onnxruntime-node-install` is no longer used).
 */
const REGISTRY = 'https://registry.npmjs.org/';
const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { resolved?: string; integrity?: string; version?: string; link?: boolean; hasInstallScript?: boolean }>;
};
const installed = Object.entries(lock.packages).filter(([where]) => where !== '');
const nameOf = (where: string) => where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('the install reaches only the npm registry', () => {
  it('every locked package is a registry tarball with an integrity hash', () => {
    // A lock written with omit-lockfile-registry-resolved has no URL: npm then fetches name@version
    // from the configured registry, which no project .npmrc may redirect.
    const outside = installed.filter(([, p]) => !p.link && !((p.resolved === undefined || p.resolved.startsWith(REGISTRY)) && p.integrity?.startsWith('sha512-')));
    expect(outside.map(([where, p]) => `${where} ${p.resolved ?? '(no resolved URL)'}`)).toEqual([]);
  });

  it('every package with an install script is covered by allowScripts, and none is allowed to run', () => {
    const policy = pkg.allowScripts ?? {};
    const withScripts = installed.filter(([, p]) => p.hasInstallScript).map(([where]) => nameOf(where));
    expect(withScripts).toContain('onnxruntime-node');
    const uncovered = withScripts.filter((name) => !Object.keys(policy).some((key) => key === name || key.startsWith(`${name}@`)));
    expect(uncovered).toEqual([]);
    // A `true` entry would need an audit that its script stays offline; there are none today.
    expect(Object.entries(policy).filter(([, allowed]) => allowed)).toEqual([]);
  });

  it('no project .npmrc redirects the registry or relies on the deprecated onnxruntime-node-install key', () => {
    const npmrc = path.join(projectRoot, '.npmrc');
    const text = existsSync(npmrc) ? readFileSync(npmrc, 'utf8') : '';
    expect(text).not.toMatch(/^\s*onnxruntime-node-install\s*=/m);
    expect(text).not.toMatch(/^\s*(@[^:]+:)?registry\s*=/m);
  });

  it("onnxruntime-node's installer would download from outside the registry, so its denial is what keeps the install offline", () => {
    const dir = path.join(projectRoot, 'node_modules/onnxruntime-node');
    const require = createRequire(import.meta.url);
    const metadata = require(path.join(dir, 'script/install-metadata.js')) as { requirements: Record<string, string[]>; feeds: Record<string, { index: string }> };
    expect(metadata.requirements['linux/x64']).toContain('cuda12');
    const feeds = Object.values(metadata.feeds).map((f) => f.index);
    expect(feeds.length).toBeGreaterThan(0);
    for (const feed of feeds) expect(feed.startsWith(REGISTRY)).toBe(false);
    // Without a flag in the environment, the script's own decision is "install the default manifest".
    const utils = require(path.join(dir, 'script/install-utils.js')) as { parseInstallFlag: () => unknown };
    const saved = { a: process.env.ONNXRUNTIME_NODE_INSTALL, b: process.env.npm_config_onnxruntime_node_install, c: process.env.ONNXRUNTIME_NODE_INSTALL_CUDA };
    delete process.env.ONNXRUNTIME_NODE_INSTALL;
    delete process.env.npm_config_onnxruntime_node_install;
    delete process.env.ONNXRUNTIME_NODE_INSTALL_CUDA;
    try {
      // undefined = "install the platform's default manifest", which on linux/x64 is CUDA 12 from NuGet.
      expect(utils.parseInstallFlag()).toBeUndefined();
      process.env.ONNXRUNTIME_NODE_INSTALL = 'skip';
      expect(utils.parseInstallFlag()).toBe(false);
    } finally {
      for (const [k, v] of [['ONNXRUNTIME_NODE_INSTALL', saved.a], ['npm_config_onnxruntime_node_install', saved.b], ['ONNXRUNTIME_NODE_INSTALL_CUDA', saved.c]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it("npm's own policy matcher denies onnxruntime-node's scripts (skipped when npm's arborist is not found)", () => {
    const root = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
    const matcher = root ? path.join(root, 'npm/node_modules/@npmcli/arborist/lib/script-allowed.js') : '';
    if (!matcher || !existsSync(matcher)) return;
    const { isScriptAllowed } = createRequire(import.meta.url)(matcher) as { isScriptAllowed: (node: unknown, policy: unknown) => boolean | null };
    const entry = lock.packages['node_modules/onnxruntime-node']!;
    const resolved = entry.resolved ?? `${REGISTRY}onnxruntime-node/-/onnxruntime-node-${entry.version}.tgz`;
    const node = { inBundle: false, isRegistryDependency: true, resolved, packageName: 'onnxruntime-node', version: entry.version, package: { name: 'onnxruntime-node', version: entry.version } };
    expect(isScriptAllowed(node, pkg.allowScripts)).toBe(false);
  });
});
