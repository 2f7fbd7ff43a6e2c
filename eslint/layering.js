// The architecture's layering (docs: design/architecture.md §3.1) as one local ESLint rule.
// Why a rule and not `no-restricted-imports` patterns: patterns match the import string, so
// `../../main/app` and `./main/x` inside the renderer look alike. This rule resolves a relative
// import against the importing file and judges where it really lands (VS Code's code-layering idea).
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is <root>/eslint/layering.js), whatever the working directory. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** The layer a project file belongs to, from its path relative to the repository root. */
export function layerOf(file) {
  const rel = relative(ROOT, file).split(sep).join('/');
  if (rel.startsWith('src/shared/')) return 'shared';
  if (rel.startsWith('src/renderer/')) return 'renderer';
  if (rel.startsWith('src/preload/')) return 'preload';
  if (rel.startsWith('src/main/services/')) return 'services';
  if (rel.startsWith('src/main/electron/')) return 'electron-host';
  if (rel.startsWith('src/main/web/')) return 'web-host';
  if (rel.startsWith('src/main/')) return 'main-root';
  return null;
}

/**
 * For each layer: which project layers it may import, and which packages it may not (or, with
 * `onlyPackages`, the only ones it may). `nodeBuiltins: false` forbids `node:*` and bare builtins.
 */
const POLICY = {
  shared: { layers: ['shared'], nodeBuiltins: false, deniedPackages: ['electron', 'react', 'react-dom', '@lexical/react'] },
  renderer: {
    layers: ['renderer', 'shared'],
    nodeBuiltins: false,
    deniedPackages: ['electron', 'electron-store', 'conf', 'lowdb', 'sharp'],
  },
  preload: { layers: ['preload', 'shared'], nodeBuiltins: false, onlyPackages: ['electron'] },
  services: {
    layers: ['services', 'shared'],
    nodeBuiltins: true,
    deniedPackages: ['electron', 'electron-store', 'react', 'react-dom'],
  },
  // The composition root (src/main/app.ts) is shared by both hosts, so it knows neither.
  'main-root': {
    layers: ['main-root', 'services', 'shared'],
    nodeBuiltins: true,
    deniedPackages: ['electron', 'electron-store', 'react', 'react-dom'],
  },
  'electron-host': { layers: ['electron-host', 'main-root', 'services', 'shared'], nodeBuiltins: true, deniedPackages: ['react', 'react-dom'] },
  // The web edition runs where no Electron binary exists.
  'web-host': {
    layers: ['web-host', 'main-root', 'services', 'shared'],
    nodeBuiltins: true,
    deniedPackages: ['electron', 'electron-store', 'react', 'react-dom'],
  },
};

/** Electron APIs that only one place may touch: the IPC surface is exactly one file on each side. */
const GUARDED_ELECTRON_APIS = {
  ipcMain: (rel) => rel === 'src/main/electron/ipc.ts',
  ipcRenderer: (rel) => rel.startsWith('src/preload/'),
};

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier));
}

/** The string literal of any import-like node, or null when it is computed. */
function sourceOf(node) {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
    case 'ImportExpression':
      return node.source && node.source.type === 'Literal' && typeof node.source.value === 'string'
        ? node.source
        : null;
    case 'TSImportType':
      // `import('../main/app').NewsdeskApp` in a type position couples layers as much as an import.
      return node.source?.type === 'Literal' && typeof node.source.value === 'string' ? node.source : null;
    case 'TSExternalModuleReference':
      return node.expression.type === 'Literal' ? node.expression : null;
    case 'CallExpression':
      return node.callee.type === 'Identifier' &&
        node.callee.name === 'require' &&
        node.arguments[0]?.type === 'Literal' &&
        typeof node.arguments[0].value === 'string'
        ? node.arguments[0]
        : null;
    default:
      return null;
  }
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layering of design/architecture.md §3.1' },
    schema: [],
    messages: {
      layer: '{{from}} may not import {{to}} ("{{specifier}}"); see architecture §3.1.',
      builtin: '{{from}} may not import Node built-ins ("{{specifier}}"); see architecture §3.1.',
      package: '{{from}} may not import the package "{{specifier}}"; see architecture §3.1.',
      outside: '{{from}} may not import files outside src ("{{specifier}}").',
      guarded: '{{api}} may only be used in {{where}}.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from) return {};
    const policy = POLICY[from];
    const rel = relative(ROOT, file).split(sep).join('/');
    const electronBindings = new Set();

    function check(node) {
      const literal = sourceOf(node);
      if (!literal) return;
      const specifier = literal.value;
      const data = { from, specifier };
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolve(dirname(file), specifier);
        const to = layerOf(target);
        if (!to) return context.report({ node: literal, messageId: 'outside', data });
        if (!policy.layers.includes(to)) context.report({ node: literal, messageId: 'layer', data: { ...data, to } });
        return;
      }
      if (isNodeBuiltin(specifier)) {
        if (!policy.nodeBuiltins) context.report({ node: literal, messageId: 'builtin', data });
        return;
      }
      const name = packageName(specifier);
      const denied = policy.onlyPackages ? !policy.onlyPackages.includes(name) : policy.deniedPackages.includes(name);
      if (denied) context.report({ node: literal, messageId: 'package', data });
    }

    function reportGuarded(node, api) {
      if (!(api in GUARDED_ELECTRON_APIS) || GUARDED_ELECTRON_APIS[api](rel)) return;
      const where = api === 'ipcMain' ? 'src/main/electron/ipc.ts' : 'src/preload';
      context.report({ node, messageId: 'guarded', data: { api, where } });
    }

    return {
      ImportDeclaration(node) {
        check(node);
        if (node.source.value !== 'electron') return;
        for (const spec of node.specifiers) {
          if (spec.type === 'ImportSpecifier') {
            const imported = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
            reportGuarded(spec, imported);
          } else {
            electronBindings.add(spec.local.name);
          }
        }
      },
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      TSImportType: check,
      TSExternalModuleReference: check,
      CallExpression: check,
      // `electron.ipcMain` through a default or namespace import.
      MemberExpression(node) {
        if (node.object.type === 'Identifier' && electronBindings.has(node.object.name) && node.property.type === 'Identifier') {
          reportGuarded(node, node.property.name);
        }
      },
    };
  },
};

export default { meta: { name: 'newsdesk-layering' }, rules: { imports: importsRule } };
