// zod's issues about a rule file, worded in Vietnamese (zod words them in English itself).

import type { z } from 'zod';
import zodVi from 'zod/v4/locales/vi.js';

/** zod's own Vietnamese texts, used for the issue kinds not worded below (called directly: no global config). */
const zodViError = zodVi().localeError;

const VI_TYPES: Record<string, string> = {
  string: 'văn bản (trong dấu ngoặc kép)',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  object: 'đối tượng { … }',
  array: 'danh sách [ … ]',
  null: 'null',
};
const viType = (t: string): string => VI_TYPES[t] ?? t;

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isInteger(v)) return 'số thập phân';
  return typeof v;
}

/** The Vietnamese text of one zod issue (the issue must carry its input: parse with reportInput). */
export function zodIssueVi(zi: z.core.$ZodIssue): string {
  switch (zi.code) {
    case 'invalid_type': {
      const expected = viType(zi.expected);
      if (zi.input === undefined) return `thiếu trường bắt buộc (cần ${expected})`;
      return `sai kiểu dữ liệu: cần ${expected}, nhưng đang là ${viType(jsonType(zi.input))}`;
    }
    case 'too_small': {
      const min = Number(zi.minimum);
      if (zi.origin === 'string') return min <= 1 ? 'không được để trống' : `cần ít nhất ${min} ký tự`;
      if (zi.origin === 'array' || zi.origin === 'set') return min <= 1 ? 'danh sách không được để trống' : `cần ít nhất ${min} phần tử`;
      if (!zi.inclusive && min === 0) return 'phải là số lớn hơn 0';
      return zi.inclusive ? `phải lớn hơn hoặc bằng ${min}` : `phải lớn hơn ${min}`;
    }
    case 'too_big': {
      const max = Number(zi.maximum);
      if (zi.origin === 'string') return `tối đa ${max} ký tự`;
      if (zi.origin === 'array' || zi.origin === 'set') return `tối đa ${max} phần tử`;
      return zi.inclusive ? `phải nhỏ hơn hoặc bằng ${max}` : `phải nhỏ hơn ${max}`;
    }
    case 'invalid_value':
      return zi.values.length === 1
        ? `giá trị phải là ${JSON.stringify(zi.values[0])}`
        : `giá trị phải là một trong: ${zi.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      if ('options' in zi && zi.discriminator && zi.options) {
        return `"${zi.discriminator}" phải là một trong: ${zi.options.map((o) => JSON.stringify(o)).join(', ')}`;
      }
      return 'giá trị không khớp với dạng nào được phép';
    default: {
      const out = zodViError(zi as Parameters<typeof zodViError>[0]);
      const text = typeof out === 'string' ? out : out?.message;
      return text ? text.charAt(0).toLowerCase() + text.slice(1) : 'giá trị không hợp lệ';
    }
  }
}
