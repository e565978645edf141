// A small offline evaluator of this repository's Terraform (no terraform binary, no AWS account): it loads a root
// module and its local modules with HashiCorp's HCL parser (@cdktn/hcl2json), fills the variables with example
// values, and evaluates on demand what deploy/validate needs: IAM policy documents rendered to JSON, locals, module
// outputs and resource arguments. Attributes only AWS knows after an apply (ARNs, ids) are made up in AWS's formats
// from the resources' own arguments, so a policy that names a resource by its ARN names the ARN the simulation uses.
// It knows the subset of the language these files use (references, for expressions, conditionals, templates and the
// functions listed in FUNCTIONS); anything else is an error, never a silent guess.
'use strict';
const fs = require('fs');
const path = require('path');
const hcl = require('@cdktn/hcl2json');

const ACCOUNT = '123456789012';

// ------------------------------------------------------------------ expression parser (scannerless)
class Parser {
  constructor(src) {
    this.s = src;
    this.i = 0;
  }
  error(msg) {
    throw new Error(`${msg} at ${this.i} in: ${this.s}`);
  }
  ws() {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
      if (this.s.startsWith('#', this.i) || this.s.startsWith('//', this.i)) {
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      } else return;
    }
  }
  peek(tok) {
    this.ws();
    return this.s.startsWith(tok, this.i);
  }
  eat(tok) {
    if (this.peek(tok)) {
      this.i += tok.length;
      return true;
    }
    return false;
  }
  expect(tok) {
    if (!this.eat(tok)) this.error(`expected '${tok}'`);
  }
  peekWord(word) {
    this.ws();
    const re = new RegExp(`^${word}(?![A-Za-z0-9_-])`);
    return re.test(this.s.slice(this.i));
  }
  ident() {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.s.slice(this.i));
    if (!m) this.error('expected an identifier');
    this.i += m[0].length;
    return m[0];
  }
  expr() {
    const cond = this.binary(0);
    if (this.peek('?')) {
      this.i++;
      const a = this.expr();
      this.expect(':');
      const b = this.expr();
      return { t: 'cond', cond, a, b };
    }
    return cond;
  }
  binary(level) {
    const LEVELS = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];
    if (level === LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      this.ws();
      const op = LEVELS[level].find((o) => this.s.startsWith(o, this.i) && !(o === '>' && this.s[this.i - 1] === '='));
      if (!op || (op === '=' && this.s[this.i + 1] === '>')) return left;
      this.i += op.length;
      left = { t: 'bin', op, left, right: this.binary(level + 1) };
    }
  }
  unary() {
    if (this.peek('!')) {
      this.i++;
      return { t: 'not', e: this.unary() };
    }
    if (this.peek('-') && !/\d/.test(this.s[this.i + 1] || '')) {
      this.i++;
      return { t: 'neg', e: this.unary() };
    }
    return this.postfix(this.primary());
  }
  postfix(node) {
    for (;;) {
      if (this.peek('[*]')) {
        this.i += 3;
        node = { t: 'splat', e: node, rest: this.postfix({ t: 'splatvar' }) };
        return node;
      }
      if (this.peek('.*')) {
        this.i += 2;
        return { t: 'splat', e: node, rest: this.postfix({ t: 'splatvar' }) };
      }
      if (this.peek('.') && !this.s.startsWith('...', this.i)) {
        this.i++;
        this.ws();
        const m = /^\d+/.exec(this.s.slice(this.i));
        if (m) {
          this.i += m[0].length;
          node = { t: 'index', e: node, k: { t: 'lit', v: Number(m[0]) } };
        } else node = { t: 'index', e: node, k: { t: 'lit', v: this.ident() } };
        continue;
      }
      if (this.peek('[')) {
        this.i++;
        const k = this.expr();
        this.expect(']');
        node = { t: 'index', e: node, k };
        continue;
      }
      return node;
    }
  }
  primary() {
    this.ws();
    const c = this.s[this.i];
    if (c === '"') return this.quoted();
    if (c === '(') {
      this.i++;
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (c === '[') {
      this.i++;
      if (this.peekWord('for')) return this.forExpr(']');
      const items = [];
      while (!this.eat(']')) {
        items.push(this.expr());
        this.eat(',');
      }
      return { t: 'tuple', items };
    }
    if (c === '{') {
      this.i++;
      if (this.peekWord('for')) return this.forExpr('}');
      const items = [];
      while (!this.eat('}')) {
        let key;
        this.ws();
        if (this.s[this.i] === '"') key = this.quoted();
        else if (this.s[this.i] === '(') key = this.primary();
        else key = { t: 'lit', v: this.ident() };
        if (!this.eat('=')) this.expect(':');
        items.push([key, this.expr()]);
        this.eat(',');
      }
      return { t: 'object', items };
    }
    const num = /^\d+(\.\d+)?/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return { t: 'lit', v: Number(num[0]) };
    }
    const name = this.ident();
    if (name === 'true' || name === 'false') return { t: 'lit', v: name === 'true' };
    if (name === 'null') return { t: 'lit', v: null };
    if (this.peek('(')) {
      this.i++;
      const args = [];
      let expand = false;
      while (!this.eat(')')) {
        args.push(this.expr());
        if (this.eat('...')) expand = true;
        this.eat(',');
      }
      return { t: 'call', name, args, expand };
    }
    return { t: 'ref', name };
  }
  forExpr(close) {
    this.ident(); // for
    let k = null;
    let v = this.ident();
    if (this.eat(',')) {
      k = v;
      v = this.ident();
    }
    if (this.ident() !== 'in') this.error("expected 'in'");
    const coll = this.expr();
    this.expect(':');
    let keyExpr = null;
    let valExpr = this.expr();
    let group = false;
    if (close === '}') {
      this.expect('=>');
      keyExpr = valExpr;
      valExpr = this.expr();
      group = this.eat('...');
    }
    let cond = null;
    if (this.peekWord('if')) {
      this.ident();
      cond = this.expr();
    }
    this.expect(close);
    return { t: 'for', k, v, coll, keyExpr, valExpr, cond, object: close === '}', group };
  }
  quoted() {
    this.i++; // opening quote
    const parts = [];
    let lit = '';
    for (;;) {
      if (this.i >= this.s.length) this.error('unterminated string');
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        break;
      }
      if (c === '\\') {
        const n = this.s[this.i + 1];
        lit += { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }[n] ?? n;
        this.i += 2;
        continue;
      }
      if (this.s.startsWith('$${', this.i)) {
        lit += '${';
        this.i += 3;
        continue;
      }
      if (this.s.startsWith('${', this.i)) {
        if (lit) parts.push({ t: 'lit', v: lit });
        lit = '';
        this.i += 2;
        parts.push(this.expr());
        this.expect('}');
        continue;
      }
      lit += c;
      this.i++;
    }
    if (lit || parts.length === 0) parts.push({ t: 'lit', v: lit });
    return { t: 'template', parts };
  }
}

// A string from hcl2json: template text whose ${...} are expressions (a string that is one ${...} is its value).
function parseTemplateText(text) {
  const p = new Parser(text);
  const parts = [];
  let lit = '';
  while (p.i < text.length) {
    if (text.startsWith('$${', p.i)) {
      lit += '${';
      p.i += 3;
    } else if (text.startsWith('${', p.i)) {
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
      p.i += 2;
      parts.push(p.expr());
      p.expect('}');
    } else lit += text[p.i++];
  }
  if (lit) parts.push({ t: 'lit', v: lit });
  if (parts.length === 1 && parts[0].t !== 'lit') return parts[0];
  return { t: 'template', parts };
}

// ------------------------------------------------------------------ functions
const asList = (v) => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : [v]);
const FUNCTIONS = {
  length: (v) => (typeof v === 'string' ? v.length : asList(v).length),
  contains: (list, v) => asList(list).some((x) => JSON.stringify(x) === JSON.stringify(v)),
  keys: (m) => Object.keys(m).sort(),
  values: (m) => Object.keys(m).sort().map((k) => m[k]),
  merge: (...maps) => Object.assign({}, ...maps.filter((m) => m != null)),
  flatten: (l) => asList(l).flat(Infinity),
  distinct: (l) => [...new Map(asList(l).map((x) => [JSON.stringify(x), x])).values()],
  concat: (...ls) => ls.flatMap(asList),
  toset: (l) => [...new Set(asList(l))],
  tolist: (l) => asList(l),
  tomap: (m) => m,
  tostring: (v) => String(v),
  tonumber: (v) => Number(v),
  jsonencode: (v) => JSON.stringify(v),
  jsondecode: (s) => JSON.parse(s),
  split: (sep, s) => String(s).split(sep),
  join: (sep, l) => asList(l).join(sep),
  lower: (s) => String(s).toLowerCase(),
  upper: (s) => String(s).toUpperCase(),
  sort: (l) => [...asList(l)].sort(),
  lookup: (m, k, d) => (m && k in m ? m[k] : d),
  coalesce: (...vs) => vs.find((v) => v !== null && v !== undefined && v !== ''),
  trimsuffix: (s, x) => (String(s).endsWith(x) ? String(s).slice(0, -x.length) : String(s)),
  trimprefix: (s, x) => (String(s).startsWith(x) ? String(s).slice(x.length) : String(s)),
  startswith: (s, x) => String(s).startsWith(x),
  endswith: (s, x) => String(s).endsWith(x),
  replace: (s, a, b) => String(s).split(a).join(b),
  element: (l, i) => asList(l)[i % asList(l).length],
  range: (a, b) => (b === undefined ? [...Array(a).keys()] : [...Array(b - a).keys()].map((x) => x + a)),
  zipmap: (ks, vs) => Object.fromEntries(ks.map((k, i) => [k, vs[i]])),
  one: (l) => (asList(l).length ? asList(l)[0] : null),
  compact: (l) => asList(l).filter((x) => x !== '' && x != null),
  min: (...n) => Math.min(...n),
  max: (...n) => Math.max(...n),
  format: (f, ...args) => {
    let n = 0;
    return f.replace(/%[sd]/g, () => String(args[n++]));
  },
};

// ------------------------------------------------------------------ modules
function tfFiles(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tf'))
    .sort()
    .map((f) => path.join(dir, f));
}

const blocks = (v) => (Array.isArray(v) ? v : v ? [v] : []);

async function loadConfig(dir, cache = new Map()) {
  if (cache.has(dir)) return cache.get(dir);
  const cfg = { dir, variable: {}, locals: {}, module: {}, resource: {}, data: {}, output: {} };
  cache.set(dir, cfg);
  for (const file of tfFiles(dir)) {
    const doc = await hcl.parse(path.basename(file), fs.readFileSync(file, 'utf8'));
    for (const l of blocks(doc.locals)) Object.assign(cfg.locals, l);
    for (const kind of ['variable', 'module', 'output']) {
      for (const [name, bodies] of Object.entries(doc[kind] || {})) cfg[kind][name] = blocks(bodies)[0];
    }
    for (const kind of ['resource', 'data']) {
      for (const [type, byName] of Object.entries(doc[kind] || {})) {
        cfg[kind][type] = cfg[kind][type] || {};
        for (const [name, bodies] of Object.entries(byName)) cfg[kind][type][name] = blocks(bodies)[0];
      }
    }
  }
  for (const [name, body] of Object.entries(cfg.module)) {
    if (typeof body.source === 'string' && body.source.startsWith('.')) {
      body.__config = await loadConfig(path.resolve(dir, body.source), cache);
    }
  }
  return cfg;
}

// One instance of a module: its variables, and lazily evaluated locals, resources, data sources and outputs.
class ModuleInstance {
  constructor(cfg, vars, where, region) {
    this.cfg = cfg;
    this.vars = vars;
    this.where = where;
    this.region = region;
    this.memo = new Map();
  }

  memoized(key, fn) {
    if (!this.memo.has(key)) {
      this.memo.set(key, undefined);
      this.memo.set(key, fn());
    }
    return this.memo.get(key);
  }

  // Evaluates a value as hcl2json gives it (string templates, lists, maps) in a scope of extra names.
  value(v, scope = {}) {
    if (typeof v === 'string') return this.evalNode(parseTemplateText(v), scope);
    if (Array.isArray(v)) return v.map((x) => this.value(x, scope));
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x, scope)]));
    }
    return v;
  }

  evalNode(n, scope) {
    switch (n.t) {
      case 'lit':
        return n.v;
      case 'template':
        if (n.parts.length === 1 && n.parts[0].t !== 'lit') {
          const v = this.evalNode(n.parts[0], scope);
          return typeof v === 'string' ? v : String(v);
        }
        return n.parts.map((p) => String(this.evalNode(p, scope))).join('');
      case 'tuple':
        return n.items.map((x) => this.evalNode(x, scope));
      case 'object':
        return Object.fromEntries(n.items.map(([k, x]) => [this.evalNode(k, scope), this.evalNode(x, scope)]));
      case 'cond':
        return this.evalNode(n.cond, scope) ? this.evalNode(n.a, scope) : this.evalNode(n.b, scope);
      case 'not':
        return !this.evalNode(n.e, scope);
      case 'neg':
        return -this.evalNode(n.e, scope);
      case 'bin': {
        const l = this.evalNode(n.left, scope);
        if (n.op === '&&') return l && this.evalNode(n.right, scope);
        if (n.op === '||') return l || this.evalNode(n.right, scope);
        const r = this.evalNode(n.right, scope);
        switch (n.op) {
          case '==':
            return JSON.stringify(l) === JSON.stringify(r);
          case '!=':
            return JSON.stringify(l) !== JSON.stringify(r);
          case '<':
            return l < r;
          case '>':
            return l > r;
          case '<=':
            return l <= r;
          case '>=':
            return l >= r;
          case '+':
            return Number(l) + Number(r);
          case '-':
            return l - r;
          case '*':
            return l * r;
          case '/':
            return l / r;
          case '%':
            return l % r;
        }
        break;
      }
      case 'call': {
        if (n.name === 'try') {
          for (const a of n.args) {
            try {
              return this.evalNode(a, scope);
            } catch (e) {
              /* next */
            }
          }
          throw new Error('try: no argument evaluated');
        }
        const fn = FUNCTIONS[n.name];
        if (!fn) throw new Error(`${this.where}: function ${n.name}() is not known to the evaluator`);
        let args = n.args.map((a) => this.evalNode(a, scope));
        if (n.expand) args = [...args.slice(0, -1), ...asList(args[args.length - 1])];
        return fn(...args);
      }
      case 'for': {
        const coll = this.evalNode(n.coll, scope);
        const entries = Array.isArray(coll) ? coll.map((x, i) => [i, x]) : Object.entries(coll);
        const out = n.object ? {} : [];
        for (const [k, v] of entries) {
          const inner = { ...scope, [n.v]: v };
          if (n.k) inner[n.k] = k;
          if (n.cond && !this.evalNode(n.cond, inner)) continue;
          if (n.object) {
            const key = this.evalNode(n.keyExpr, inner);
            const val = this.evalNode(n.valExpr, inner);
            if (n.group) (out[key] = out[key] || []).push(val);
            else out[key] = val;
          } else out.push(this.evalNode(n.valExpr, inner));
        }
        return out;
      }
      case 'splat': {
        const base = this.evalNode(n.e, scope);
        return asList(base).map((x) => this.evalNode(n.rest, { ...scope, __splat: x }));
      }
      case 'splatvar':
        return scope.__splat;
      case 'index': {
        const base = this.evalNode(n.e, scope);
        const key = this.evalNode(n.k, scope);
        if (base === null || base === undefined) throw new Error(`${this.where}: cannot index null with ${key}`);
        const v = typeof base.__get === 'function' ? base.__get(key) : base[key];
        if (v === undefined) throw new Error(`${this.where}: no attribute or key "${key}"`);
        return v;
      }
      case 'ref':
        return this.ref(n.name, scope);
    }
    throw new Error(`cannot evaluate ${JSON.stringify(n)}`);
  }

  ref(name, scope = {}) {
    if (name in scope) return scope[name];
    switch (name) {
      case 'var':
        return {
          __get: (k) => {
            if (!(k in this.vars)) throw new Error(`${this.where}: var.${k} has no value`);
            return this.vars[k];
          },
        };
      case 'local':
        return {
          __get: (k) => {
            if (!(k in this.cfg.locals)) throw new Error(`${this.where}: no local.${k}`);
            return this.memoized(`local.${k}`, () => this.value(this.cfg.locals[k]));
          },
        };
      case 'path':
        return { module: this.cfg.dir, root: this.cfg.dir, cwd: process.cwd() };
      case 'module':
        return { __get: (k) => this.memoized(`module.${k}`, () => this.moduleCall(k)) };
      case 'data':
        return { __get: (type) => ({ __get: (nm) => this.memoized(`data.${type}.${nm}`, () => this.instances('data', type, nm)) }) };
      case 'each':
      case 'count':
        throw new Error(`${this.where}: ${name} used outside a for_each/count`);
      default:
        // a managed resource type
        return { __get: (nm) => this.memoized(`resource.${name}.${nm}`, () => this.instances('resource', name, nm)) };
    }
  }

  // count -> list of instances, for_each -> map of instances, else one instance
  expand(body, make) {
    if (body.for_each !== undefined) {
      const coll = this.value(body.for_each);
      const entries = Array.isArray(coll) ? coll.map((x) => [x, x]) : Object.entries(coll);
      return Object.fromEntries(entries.map(([k, v]) => [k, make({ each: { key: k, value: v } })]));
    }
    if (body.count !== undefined) {
      const count = this.value(body.count);
      return [...Array(count).keys()].map((i) => make({ count: { index: i } }));
    }
    return make({});
  }

  instances(kind, type, name) {
    const body = ((this.cfg[kind] || {})[type] || {})[name];
    if (!body) throw new Error(`${this.where}: no ${kind} ${type}.${name}`);
    return this.expand(body, (scope) => new ResourceInstance(this, kind, type, name, body, scope));
  }

  moduleCall(name) {
    const body = this.cfg.module[name];
    if (!body || !body.__config) throw new Error(`${this.where}: no local module ${name}`);
    return this.expand(body, (scope) => {
      const key = scope.each ? `[${JSON.stringify(scope.each.key)}]` : scope.count ? `[${scope.count.index}]` : '';
      const where = `${this.where}module.${name}${key}.`;
      const vars = {};
      const childCfg = body.__config;
      for (const [v, decl] of Object.entries(childCfg.variable)) {
        if (v in body) {
          const self = this;
          Object.defineProperty(vars, v, { enumerable: true, get: () => self.value(body[v], scope) });
        } else if (decl && 'default' in decl) vars[v] = decl.default;
      }
      const child = new ModuleInstance(childCfg, vars, where, this.region);
      return {
        __instance: child,
        __get: (out) => {
          const decl = childCfg.output[out];
          if (!decl) throw new Error(`${where}: no output ${out}`);
          return child.memoized(`output.${out}`, () => child.value(decl.value));
        },
      };
    });
  }

  // Every instance of a managed resource type in this module (count: a list, for_each: a map of them).
  resourceInstances(type) {
    return Object.keys((this.cfg.resource || {})[type] || {}).flatMap((name) => {
      const v = this.ref(type).__get(name);
      return Array.isArray(v) ? v : typeof v.__get === 'function' ? [v] : Object.values(v);
    });
  }

  // The root's and every nested module instance (for cross-checks over all of them).
  moduleInstances(name) {
    const v = this.memoized(`module.${name}`, () => this.moduleCall(name));
    if (v.__instance) return { '': v.__instance };
    return Object.fromEntries(Object.entries(v).map(([k, m]) => [k, m.__instance]));
  }
}

class ResourceInstance {
  constructor(mod, kind, type, name, body, scope) {
    this.mod = mod;
    this.kind = kind;
    this.type = type;
    this.name = name;
    this.body = body;
    this.scope = scope;
    this.cache = {};
  }

  arg(key) {
    return this.mod.value(this.body[key], this.scope);
  }

  __get(attr) {
    if (!(attr in this.cache)) this.cache[attr] = this.compute(attr);
    return this.cache[attr];
  }

  compute(attr) {
    const { type } = this;
    if (this.kind === 'data' && type === 'aws_iam_policy_document' && attr === 'json') return JSON.stringify(this.policy());
    if (attr in this.body && !['dynamic', 'for_each', 'count'].includes(attr)) return this.arg(attr);
    const region = this.mod.region;
    const nameArg = (k) => this.arg(k);
    const made = {
      aws_caller_identity: { account_id: ACCOUNT },
      aws_partition: { partition: 'aws' },
      aws_region: { region, name: region },
    }[type];
    if (made && attr in made) return made[attr];
    switch (`${type}.${attr}`) {
      case 'aws_iam_role.arn':
        return `arn:aws:iam::${ACCOUNT}:role/${nameArg('name')}`;
      case 'aws_iam_role.id':
        return nameArg('name');
      case 'aws_iam_openid_connect_provider.arn':
        return `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
      case 'aws_s3_bucket.arn':
        return `arn:aws:s3:::${nameArg('bucket')}`;
      case 'aws_s3_bucket.id':
        return nameArg('bucket');
      case 'aws_kms_key.arn':
        return `arn:aws:kms:${region}:${ACCOUNT}:key/${this.fakeId()}`;
      case 'aws_kms_key.key_id':
        return this.fakeId();
      case 'aws_msk_serverless_cluster.arn':
        return `arn:aws:kafka:${region}:${ACCOUNT}:cluster/${nameArg('cluster_name')}/${this.fakeId()}-s1`;
      case 'aws_msk_bootstrap_brokers.bootstrap_brokers_sasl_iam':
        return `boot-example.c1.kafka-serverless.${region}.amazonaws.com:9098`;
      case 'aws_secretsmanager_secret.arn':
        return `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:${nameArg('name')}-AbCdEf`;
      case 'aws_ecr_repository.arn':
        return `arn:aws:ecr:${region}:${ACCOUNT}:repository/${nameArg('name')}`;
      case 'aws_ecr_repository.repository_url':
        return `${ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${nameArg('name')}`;
      case 'aws_cognito_user_pool.id':
        return `${region}_Example1`;
      case 'aws_cognito_user_pool_client.id':
        return 'examplewebclientid0000000000';
      case 'aws_security_group.id':
        return `sg-${this.fakeId().replace(/-/g, '').slice(0, 17)}`;
      case 'aws_ecs_cluster.arn':
        return `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${nameArg('name')}`;
    }
    if (attr === 'arn') return `arn:aws:example:${region}:${ACCOUNT}:${type}/${this.name}`;
    if (attr === 'id' || attr === 'name') return `${type}-${this.name}-${attr}`;
    return `${type}.${this.name}.${attr}`;
  }

  fakeId() {
    let h = 0;
    for (const c of `${this.mod.where}${this.type}.${this.name}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    const hex = h.toString(16).padStart(8, '0');
    return `${hex}-1111-2222-3333-444455556666`;
  }

  // aws_iam_policy_document -> IAM JSON (statements, dynamic statements, principals, conditions)
  policy() {
    const statements = [];
    const render = (st, scope) => {
      const v = (k) => (st[k] === undefined ? undefined : this.mod.value(st[k], scope));
      const out = { Effect: v('effect') || 'Allow' };
      if (st.sid !== undefined) out.Sid = v('sid');
      const list = (x) => (x === undefined ? undefined : [...new Set(asList(x))].sort());
      if (st.actions !== undefined) out.Action = list(v('actions'));
      if (st.not_actions !== undefined) out.NotAction = list(v('not_actions'));
      if (st.resources !== undefined) out.Resource = list(v('resources'));
      if (st.not_resources !== undefined) out.NotResource = list(v('not_resources'));
      for (const p of blocks(st.principals)) {
        const type = this.mod.value(p.type, scope);
        const ids = list(this.mod.value(p.identifiers, scope));
        if (type === '*') out.Principal = '*';
        else {
          out.Principal = out.Principal || {};
          out.Principal[type] = [...(out.Principal[type] || []), ...ids];
        }
      }
      for (const c of blocks(st.condition)) {
        const test = this.mod.value(c.test, scope);
        const variable = this.mod.value(c.variable, scope);
        out.Condition = out.Condition || {};
        out.Condition[test] = out.Condition[test] || {};
        out.Condition[test][variable] = asList(this.mod.value(c.values, scope));
      }
      statements.push(out);
    };
    for (const st of blocks(this.body.statement)) render(st, this.scope);
    for (const dyn of blocks((this.body.dynamic || {}).statement)) {
      const iterator = dyn.iterator ? this.mod.value(dyn.iterator, this.scope) : 'statement';
      const coll = this.mod.value(dyn.for_each, this.scope);
      const entries = Array.isArray(coll) ? coll.map((x, i) => [i, x]) : Object.entries(coll);
      for (const [key, value] of entries) {
        for (const content of blocks(dyn.content)) render(content, { ...this.scope, [iterator]: { key, value } });
      }
    }
    return { Version: '2012-10-17', Statement: statements };
  }
}

// Loads a root module with example variable values (from a tfvars-like object), defaults for the rest.
async function loadRoot(dir, exampleValues) {
  const cfg = await loadConfig(path.resolve(dir));
  const vars = {};
  for (const [name, decl] of Object.entries(cfg.variable)) {
    if (name in exampleValues) vars[name] = exampleValues[name];
    else if (decl && 'default' in decl) vars[name] = decl.default;
  }
  return new ModuleInstance(cfg, vars, '', vars.region || 'us-east-1');
}

module.exports = { loadRoot, ACCOUNT, Parser, parseTemplateText };
