import type { Plugin } from 'esbuild';

export declare const NODE_EXTERNAL: string[];
export declare const ESM_REQUIRE_BANNER: { js: string };
export declare const zodEnglishOnly: Plugin;
