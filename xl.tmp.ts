import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile('/tmp/xl/a.xlsx');
const ws = wb.worksheets[1]!;
console.log(ws.name, JSON.stringify(ws.getCell('C9').value), JSON.stringify(ws.getCell('C8').value), ws.getCell('C9').type);
