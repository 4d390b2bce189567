/**
 * Server errors in the words of the Chinese UI. The API answers in English ({ code, message, hint });
 * the UI shows a Chinese sentence chosen by the code and, for unreadable files, by the reader's reason.
 * The English original stays available as the detail.
 */

const BY_CODE: Record<string, string> = {
  'bad-request': '请求有误',
  'too-many-uploads': '同时上传的文件过多，请稍候',
  'too-large': '文件过大',
  empty: '文件为空',
  busy: '服务器正忙，请稍后重试',
  'not-found': '未找到',
  unauthorized: '请先登录',
  forbidden: '无权执行此操作',
  'invalid-input': '编制输入有问题',
  network: '网络错误：无法连接服务器',
};

/** Reader reasons (InputError messages) → Chinese. First match wins. */
const REASONS: [RegExp, string][] = [
  [/no disclosure found/i, '未识别到公开文件内容：没有找到标准决算表、绩效自评表或说明中的数字'],
  [/no text layer|scanned PDF/i, 'PDF 没有文字层（扫描件？），暂不支持 OCR；请提供原始 PDF、Word 或 Excel 文件'],
  [/is encrypted/i, 'PDF 已加密，需要密码才能打开；请去除密码后重新导出'],
  [/garbled|could not be decoded/i, 'PDF 的文字无法解码（字体缺少 Unicode 映射）；请嵌入字体后重新导出'],
  [/PDF.*(damaged|not a PDF)/i, 'PDF 文件已损坏或不是 PDF'],
  [/PDF.*no pages/i, 'PDF 没有页面'],
  [/the \.xls file is damaged|damaged or encrypted/i, 'Excel 文件已损坏或已加密；请在 Excel 或 WPS 中打开后另存为 .xlsx'],
  [/damaged ZIP container|malformed XML/i, '文件已损坏（.xlsx/.docx 的压缩包或 XML 有误）；请在 Office 或 WPS 中打开后重新保存'],
  [/Word document/i, '无法读取 Word 文件；请在 Word 或 WPS 中打开后重新保存'],
  [/needs LibreOffice/i, '读取此格式需要 LibreOffice；请另存为 .docx/.xlsx 或 PDF'],
  [/OFD/i, '暂不支持 OFD 版式文档；请导出为 PDF 后再上传'],
  [/OpenDocument/i, '不支持 OpenDocument（.odt/.ods）；请另存为 .docx/.xlsx 或 PDF'],
  [/RTF/i, '不支持 RTF 文档；请另存为 .docx 或 PDF'],
  [/SYLK|XML file/i, '不是真正的 Excel/Word 文件；请在 Excel、Word 或 WPS 中另存为 .xlsx/.docx'],
  [/binary data|unrecognised text encoding|NUL bytes/i, '不是可读的文本文件（二进制数据或未知编码）'],
  [/is empty|no data|contains no text|no text found/i, '文件中没有可读取的内容'],
  [/larger than/i, '文件过大'],
  [/checklist/i, '这是审核清单，不是公开文件'],
  [/time limit|timed out|took longer/i, '读取超时：文件过大或过于复杂'],
  [/neither a Word|neither a JSON|not a readable \.xlsx/i, '文件类型无法识别'],
  [/unsupported input format|not supported/i, '不支持的文件格式；请上传 PDF、Excel、Word、网页或文本文件'],
];

/** Phrases of validation messages (zod and the composer) that appear in compose problems. */
const PHRASES: [RegExp, string][] = [
  [/Invalid input: expected string, received undefined/g, '缺少必填项（应为文字）'],
  [/Invalid input: expected number, received undefined/g, '缺少必填项（应为数字）'],
  [/Invalid input: expected (\w+), received (\w+)/g, '格式不对（应为 $1，实为 $2）'],
  [/Required/g, '必填'],
];

const PATHS: Record<string, string> = {
  '$.entity': '单位名称', '$.year': '年度', '$.unit': '金额单位', '$.kind': '文件类型', '$.scope': '公开范围',
};

export function zhReason(message: string): string | undefined {
  for (const [re, zh] of REASONS) if (re.test(message)) return zh;
  return undefined;
}

/** One compose problem line ('错误 基本信息!B3: …' or '错误 $.entity: Invalid input…') in Chinese words. */
export function zhProblemLine(line: string): string {
  let s = line;
  for (const [p, zh] of Object.entries(PATHS)) s = s.split(`${p}:`).join(`${zh}（${p}）:`);
  for (const [re, zh] of PHRASES) s = s.replace(re, zh);
  return s;
}

export function zhApiError(status: number, code: string, message: string): string {
  if (code === 'unreadable' || status === 422 && code !== 'invalid-input') {
    const r = zhReason(message);
    return `无法读取：${r ?? message}`;
  }
  if (code === 'invalid-input') return `${BY_CODE[code]}：\n${message.split('\n').map(zhProblemLine).join('\n')}`;
  const base = BY_CODE[code] ?? (status >= 500 ? '服务器内部错误' : `请求失败（HTTP ${status}）`);
  if (code === 'too-large') return `${base}：${message.replace(/upload larger than (\d+) MB/, '超过 $1 MB')}`;
  if (code === 'not-found' || code === 'bad-request') return `${base}：${message}`;
  return base;
}
