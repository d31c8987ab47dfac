// JSON that does not parse, in words: the parser's codes, the mistakes people make typing JSON by hand, and a
// whole file's problem (nested too deep, a syntax error at line:column). Pure data: no parser is loaded here.

/** Why a text is not JSON: a parser code of jsonc-parser, or one of the mistakes people make typing JSON by hand. */
export type SyntaxReason =
  | { kind: 'trailing-comma'; before: string }
  | { kind: 'curly-quote'; quote: string }
  | { kind: 'single-quote' }
  | { kind: 'unquoted-name' }
  | { kind: 'parser'; code: string }
  | { kind: 'not-json' };

export const PARSE_ERRORS: Record<string, { en: string; vi: string }> = {
  InvalidSymbol: { en: 'unexpected character', vi: 'ký tự không hợp lệ' },
  InvalidNumberFormat: { en: 'invalid number', vi: 'số không hợp lệ' },
  PropertyNameExpected: { en: 'a property name in double quotes is expected', vi: 'thiếu tên thuộc tính trong ngoặc kép' },
  ValueExpected: { en: 'a value is expected (trailing comma?)', vi: 'thiếu giá trị (dư dấu phẩy?)' },
  ColonExpected: { en: "':' is expected", vi: "thiếu dấu ':'" },
  CommaExpected: { en: "',' is expected", vi: "thiếu dấu ','" },
  CloseBraceExpected: { en: "'}' is expected", vi: "thiếu dấu '}'" },
  CloseBracketExpected: { en: "']' is expected", vi: "thiếu dấu ']'" },
  EndOfFileExpected: { en: 'unexpected text after the end of the JSON value', vi: 'có chữ thừa sau khi JSON đã kết thúc' },
  InvalidCommentToken: { en: 'comments are not allowed in JSON', vi: 'JSON không cho phép chú thích' },
  UnexpectedEndOfComment: { en: 'unterminated comment', vi: 'chú thích không được đóng' },
  UnexpectedEndOfString: { en: 'unterminated string (missing closing ")', vi: 'chuỗi không được đóng (thiếu dấu ")' },
  UnexpectedEndOfNumber: { en: 'unexpected end of number', vi: 'số bị cắt ngang' },
  InvalidUnicode: { en: 'invalid unicode escape', vi: 'mã unicode không hợp lệ' },
  InvalidEscapeCharacter: { en: 'invalid escape character', vi: 'ký tự thoát không hợp lệ' },
  InvalidCharacter: { en: 'invalid character in string', vi: 'ký tự không hợp lệ trong chuỗi' },
};

/** A syntax reason in words. */
export function wordSyntaxReason(r: SyntaxReason, lang: 'vi' | 'en'): string {
  switch (r.kind) {
    case 'trailing-comma':
      return lang === 'en' ? `a trailing comma before '${r.before}'; remove the last comma` : `dư dấu phẩy trước '${r.before}'; xóa dấu phẩy cuối cùng`;
    case 'curly-quote':
      return lang === 'en' ? `curly quote ${r.quote}: use straight double quotes "` : `dấu ngoặc cong ${r.quote}: hãy dùng dấu ngoặc kép thẳng "`;
    case 'single-quote':
      return lang === 'en' ? "single quote ': use double quotes \"" : "dấu ngoặc đơn ': hãy dùng dấu ngoặc kép \"";
    case 'unquoted-name':
      return lang === 'en' ? 'a property name in double quotes is expected ("name": …)' : 'thiếu tên thuộc tính trong ngoặc kép ("tên": …)';
    case 'parser':
      return PARSE_ERRORS[r.code]?.[lang] ?? (lang === 'en' ? 'not valid JSON' : 'không phải JSON hợp lệ');
    case 'not-json':
      return lang === 'en' ? 'not valid JSON' : 'không phải JSON hợp lệ';
  }
}

/** What is wrong with a JSON text as a whole: nested too deep, or a syntax error. */
export type JsonProblem = { kind: 'too-deep'; max: number } | { kind: 'syntax'; reason: SyntaxReason };

/** `malformed JSON at line 3, column 5: …` in `lang`. */
export function wordMalformedJson(e: { line: number; column: number; problem: JsonProblem }, lang: 'vi' | 'en'): string {
  if (e.problem.kind === 'too-deep') {
    return lang === 'en'
      ? `JSON nested deeper than ${e.problem.max} levels at line ${e.line}, column ${e.column}; a transcript needs only a few`
      : `JSON lồng sâu quá ${e.problem.max} cấp ở dòng ${e.line}, cột ${e.column}; bảng điểm chỉ cần vài cấp`;
  }
  const reason = wordSyntaxReason(e.problem.reason, lang);
  return lang === 'en'
    ? `malformed JSON at line ${e.line}, column ${e.column}: ${reason}`
    : `JSON sai cú pháp ở dòng ${e.line}, cột ${e.column}: ${reason}`;
}

