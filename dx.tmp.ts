import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
const { value } = await mammoth.extractRawText({ buffer: readFileSync('/tmp/compose-out/青川县医疗保障局2024年度部门决算.docx') });
console.log(value.slice(0, 600));
