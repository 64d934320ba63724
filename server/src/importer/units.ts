// Owns: reading a list of responsible units (单位) as written in a plan: roles (牵头/配合), labels,
// collectives, lists that drop a shared prefix; and the alias table that says when two written
// names are one organization (canonicalUnitName, for the apply step).
// Does not own: where a list sits in the document (segment.ts, extract.ts).
import type { ParsedUnit } from './types';
import { endsWithBodySuffix } from './lines';
import { COLLECTIVE_UNIT, ROLE_PHRASES } from './vocabulary';

type Role = ParsedUnit['role'];

/** Labels that open a unit list, and the role they give. */
const LABEL_ROLES: [RegExp, Role][] = [
  [/^(?:总牵头单位|总牵头部门|牵头单位|牵头部门|主办单位|主责单位|主责部门)[:：]/, 'lead'],
  [/^(?:配合单位|配合部门|参与单位|参与部门|协办单位|协同单位|协助单位|承办单位)[:：]/, 'support'],
  [/^(?:责任单位|责任部门|实施单位|负责单位)[:：]/, null],
];

/** Role words at the end of a clause: they apply to every unit of the clause (`市科协、市教育局牵头`). */
const LEAD_WORDS = ['牵头负责', '牵头'];
const SUPPORT_WORDS = ['配合负责', '配合', '参与', '协办', '协助', '协同'];

/**
 * `牵头单位：市科协；配合单位：市教育局、市科技局` -> units with roles; null when an item does not
 * read as a body (see isUnitName), so `（2021—2035年）` or `（所、站）` stay text. Clauses are cut at
 * ；and ，; a label or a role word at the end of a clause gives the role of all its units.
 */
export function parseUnits(content: string, inherited = false): ParsedUnit[] | null {
  const clauses = splitTopLevel(content.trim().replace(/[。.]$/, ''), /[；;，,]/);
  const units: ParsedUnit[] = [];
  for (const rawClause of clauses) {
    let clause = rawClause.trim();
    let role: Role = null;
    for (const [label, labelRole] of LABEL_ROLES) {
      if (label.test(clause)) {
        role = labelRole;
        clause = clause.replace(label, '').trim();
      }
    }
    const { rest, role: tailRole } = stripRoleTail(clause);
    role = tailRole ?? role;
    const items = splitTopLevel(rest, /[、]/).map((item) => item.trim());
    let prefix: string | null = null;
    for (const [i, written] of items.entries()) {
      const marked = itemRoleMarker(written);
      const name = stripRoleWords(marked.name);
      if (name === '') continue;
      if (i === 0) prefix = sharedPrefix(name);
      const expanded = i > 0 && prefix && lacksPrefix(name) ? prefix + name : name;
      units.push({ name: expanded, role: marked.role ?? role, inherited });
    }
  }
  if (units.length === 0) return null;
  return units.every((unit) => isUnitName(unit.name)) ? units : null;
}

/** Names only: `市委宣传部、市科技局按职责分工负责` -> [市委宣传部, 市科技局]. */
export function parseUnitList(content: string): string[] | null {
  return parseUnits(content)?.map((unit) => unit.name) ?? null;
}

/** A body name (ends like 局, 委, 部, 协 …, at least three characters) or a collective (各…). */
/** Bodies a plan may name in two characters, without a place (a plan written for one county). */
const SHORT_UNITS = new Set(['科协', '团委', '妇联', '残联', '工会', '文联', '侨联', '党校', '台办', '侨办', '民委']);

export function isUnitName(name: string): boolean {
  return COLLECTIVE_UNIT.test(name) || SHORT_UNITS.has(name) || (name.length >= 3 && name.length <= 25 && endsWithBodySuffix(name) && !/[，。；：]/.test(name));
}

/** Splits on `separators` outside nested brackets, so `各县（市、区）科协` stays one item. */
export function splitTopLevel(content: string, separators: RegExp): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i]!;
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.test(ch)) {
      items.push(content.slice(start, i));
      start = i + 1;
    }
  }
  items.push(content.slice(start));
  return items;
}

function stripRoleTail(clause: string): { rest: string; role: Role | undefined } {
  for (const word of LEAD_WORDS) if (clause.endsWith(word)) return { rest: clause.slice(0, -word.length), role: 'lead' };
  for (const word of SUPPORT_WORDS) if (clause.endsWith(word)) return { rest: clause.slice(0, -word.length), role: 'support' };
  return { rest: clause, role: undefined };
}

/** `县教育局（配合）` -> the name and its own role. */
function itemRoleMarker(item: string): { name: string; role: Role | undefined } {
  const m = /^(.*?)[（(](牵头|主责|配合|参与|协办)(?:单位|部门)?[）)]$/.exec(item);
  if (!m) return { name: item, role: undefined };
  return { name: m[1]!.trim(), role: m[2] === '牵头' || m[2] === '主责' ? 'lead' : 'support' };
}

function stripRoleWords(item: string): string {
  let name = item.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of [...ROLE_PHRASES, '等单位', '等部门', '等']) {
      if (name.endsWith(suffix) && name.length > suffix.length) {
        name = name.slice(0, -suffix.length).trim();
        changed = true;
      } else if (name === suffix) {
        name = '';
      }
    }
  }
  return name;
}

/** `市委组织部` -> 市委, `市工业和信息化局` -> 市: what a following `统战部` or `民政局` dropped. */
function sharedPrefix(name: string): string | null {
  const m = /^([省市州盟县区旗])(委(?=[\u4e00-\u9fff]{2,}))?/.exec(name);
  if (!m) return null;
  return m[2] && /[部办室校]$/.test(name) ? m[1]! + m[2] : m[1]!;
}

function lacksPrefix(name: string): boolean {
  return !/^[省市州盟县区旗各]/.test(name) && !/^.{1,2}[省市州盟县区旗]/.test(name) && !/^(?:中国|中共|共青团|全国)/.test(name);
}

/** Written forms of one organization's name, the canonical form first (after the place prefix). */
const UNIT_ALIASES: string[][] = [
  ['卫生健康委员会', '卫生健康委', '卫健委'],
  ['卫生健康局', '卫健局'],
  ['发展和改革委员会', '发展改革委员会', '发展改革委', '发改委'],
  ['发展和改革局', '发展改革局', '发改局'],
  ['科学技术协会', '科协'],
  ['科学技术局', '科技局'],
  ['教育和体育局', '教育体育局', '教体局'],
  ['文化广电和旅游局', '文化广电旅游局', '文化和旅游局', '文广旅局', '文旅局'],
  ['工业和信息化局', '工业和信息化委员会', '工信局', '经信局'],
  ['人力资源和社会保障局', '人力资源社会保障局', '人社局'],
  ['生态环境局', '环境保护局', '环保局'],
  ['应急管理局', '应急局'],
  ['市场监督管理局', '市场监管局'],
  ['住房和城乡建设局', '住房城乡建设局', '住建局'],
  ['自然资源和规划局', '自然资源规划局', '资规局'],
  ['农业农村局', '农业和农村局'],
  ['妇女联合会', '妇联'],
  ['残疾人联合会', '残联'],
  ['总工会', '工会'],
  ['老龄工作委员会办公室', '老龄委办公室', '老龄办'],
  ['融媒体中心', '融媒中心'],
];

const ALIAS_PATTERN = new RegExp(
  UNIT_ALIASES.flatMap((forms) => forms)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
const CANONICAL_FORM = new Map(UNIT_ALIASES.flatMap((forms) => forms.map((form) => [form, forms[0]!] as const)));

/**
 * One key per organization however its name is written: 市卫健委 and 市卫生健康委员会 give the
 * same key, as do 团市委 and 共青团市委. The written name stays on the task; the apply step uses
 * this to find the organization.
 */
export function canonicalUnitName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^共青团/, '团')
    .replace(/^中共(.{1,12}?)委员会/, '$1委')
    .replace(ALIAS_PATTERN, (form) => CANONICAL_FORM.get(form) ?? form);
}
