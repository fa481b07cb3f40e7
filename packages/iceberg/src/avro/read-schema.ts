/**
 * Avro schema model used by the container reader: the writer schema JSON, resolved into a tree
 * with named references replaced (Avro spec "Schema Declaration", "Names").
 */

/** An Avro schema node after name resolution. Extra attributes (`field-id`, `logicalType`…) are kept. */
export type AvroType =
  | {
      readonly type: 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';
      readonly attrs: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'record';
      readonly name: string;
      readonly fields: readonly AvroField[];
      readonly attrs: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'enum';
      readonly name: string;
      readonly symbols: readonly string[];
      readonly attrs: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'fixed';
      readonly name: string;
      readonly size: number;
      readonly attrs: Readonly<Record<string, unknown>>;
    }
  | { readonly type: 'array'; readonly items: AvroType; readonly attrs: Readonly<Record<string, unknown>> }
  | { readonly type: 'map'; readonly values: AvroType; readonly attrs: Readonly<Record<string, unknown>> }
  | {
      readonly type: 'union';
      readonly branches: readonly AvroType[];
      readonly attrs: Readonly<Record<string, unknown>>;
    };

/** A record field; `attrs` holds everything else the field JSON carried (Iceberg's `field-id`). */
export interface AvroField {
  readonly name: string;
  readonly type: AvroType;
  readonly attrs: Readonly<Record<string, unknown>>;
}

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/**
 * Resolves a writer-schema JSON value into an {@link AvroType} tree.
 * @throws Error on an unknown type name or a malformed schema.
 */
export function parseAvroSchema(json: unknown): AvroType {
  return resolve(json, new Map(), '');
}

function resolve(json: unknown, named: Map<string, AvroType>, namespace: string): AvroType {
  if (typeof json === 'string') {
    if (PRIMITIVES.has(json)) return { type: json as 'null', attrs: {} };
    const hit = named.get(json) ?? named.get(namespace ? `${namespace}.${json}` : json);
    if (!hit) throw new Error(`avro: unknown type name "${json}"`);
    return hit;
  }
  if (Array.isArray(json)) {
    return { type: 'union', branches: json.map((b) => resolve(b, named, namespace)), attrs: {} };
  }
  if (json === null || typeof json !== 'object') throw new Error(`avro: malformed schema ${String(json)}`);
  const obj = json as Record<string, unknown>;
  const { type, ...attrs } = obj;
  if (typeof type !== 'string') {
    if (typeof type === 'object' && type !== null) return resolve(type, named, namespace);
    throw new Error('avro: schema without type');
  }
  switch (type) {
    case 'record':
    case 'error': {
      const ns = typeof obj['namespace'] === 'string' ? obj['namespace'] : namespace;
      const name = String(obj['name']);
      const fields: AvroField[] = [];
      const node = { type: 'record' as const, name, fields, attrs };
      register(named, name, ns, node);
      for (const f of (obj['fields'] as Record<string, unknown>[]) ?? []) {
        const { name: fieldName, type: fieldType, ...fieldAttrs } = f;
        fields.push({ name: String(fieldName), type: resolve(fieldType, named, ns), attrs: fieldAttrs });
      }
      return node;
    }
    case 'enum': {
      const node = {
        type: 'enum' as const,
        name: String(obj['name']),
        symbols: obj['symbols'] as string[],
        attrs,
      };
      register(named, node.name, typeof obj['namespace'] === 'string' ? obj['namespace'] : namespace, node);
      return node;
    }
    case 'fixed': {
      const node = { type: 'fixed' as const, name: String(obj['name']), size: Number(obj['size']), attrs };
      register(named, node.name, typeof obj['namespace'] === 'string' ? obj['namespace'] : namespace, node);
      return node;
    }
    case 'array':
      return { type: 'array', items: resolve(obj['items'], named, namespace), attrs };
    case 'map':
      return { type: 'map', values: resolve(obj['values'], named, namespace), attrs };
    default:
      if (PRIMITIVES.has(type)) return { type: type as 'null', attrs };
      return resolve(type, named, namespace);
  }
}

function register(named: Map<string, AvroType>, name: string, namespace: string, node: AvroType): void {
  named.set(name, node);
  const short = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
  named.set(short, node);
  if (namespace && !name.includes('.')) named.set(`${namespace}.${name}`, node);
}
