// Build configuration for both targets. `dist/weapp` is what WeChat DevTools
// opens (see project.config.json); `dist/h5` is served as static files.
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const sharedSrc = path.resolve(__dirname, '..', '..', 'shared', 'src');

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  // The weapp talks to a configured origin; H5 is served by the API's own origin.
  const apiBase = platform === 'h5' ? (process.env.API_BASE ?? '') : (process.env.API_BASE ?? 'http://127.0.0.1:3000');

  const base: UserConfigExport<'webpack5'> = {
    projectName: 'kepu',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: { API_BASE: JSON.stringify(apiBase) },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@kepu/shared': sharedSrc,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // shared/src is TypeScript outside src: compile it like our own code.
      compile: { include: [sharedSrc] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // The chart library is used by two lazily loaded pages (plan progress, 数据统计): one
      // chunk both load, instead of a copy inside each page's chunk (Taro splits initial chunks only).
      webpackChain(chain) {
        const splitChunks = chain.optimization.get('splitChunks') as { cacheGroups?: Record<string, unknown> } | false | undefined;
        if (!splitChunks) return;
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            charts: { name: 'charts', chunks: 'async', test: /[\\/](node_modules[\\/]@antv|src[\\/]charts)[\\/]/, priority: 50, enforce: true },
          },
        });
      },
    },
  };
  return merge({}, base);
});
