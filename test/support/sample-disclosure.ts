/**
 * A small disclosure written by the project (invented entity and figures) in the tab-separated text
 * layout of extracted PDFs, for store/server/CLI tests that need a readable document without the
 * composer. `year` and `entity` vary so tests can build a corpus of several documents.
 */
export function sampleDisclosureText(opts: { entity?: string; year?: number; reception?: string; wrongShare?: boolean } = {}): string {
  const entity = opts.entity ?? '示例县民政局';
  const year = opts.year ?? 2024;
  const reception = opts.reception ?? '1.20';
  const share = opts.wrongShare ? '75.00' : '74.07';
  return [
    `${year} 年度`,
    `${entity}部门决算`,
    '',
    '第二部分 部门决算表',
    '',
    '一、收入支出决算总表',
    '金额单位：万元',
    '收入\t\t\t支出\t\t',
    '项目\t行次\t金额\t项目\t行次\t金额',
    '栏次\t\t1\t栏次\t\t2',
    '一、一般公共预算财政拨款收入\t1\t135.00\t一、一般公共服务支出\t32\t',
    '二、政府性基金预算财政拨款收入\t2\t\t八、社会保障和就业支出\t39\t125.00',
    '八、其他收入\t8\t0.00\t十九、住房保障支出\t50\t10.00',
    '本年收入合计\t27\t135.00\t本年支出合计\t58\t135.00',
    '年初结转和结余\t29\t0.00\t年末结转和结余\t60\t0.00',
    '总计\t31\t135.00\t总计\t62\t135.00',
    '',
    '三、支出决算表',
    '金额单位：万元',
    '项目\t\t本年支出合计\t基本支出\t项目支出',
    '科目代码\t科目名称\t\t\t',
    '栏次\t\t1\t2\t3',
    '合计\t\t135.00\t100.00\t35.00',
    '2080101\t行政运行\t90.00\t90.00\t',
    '2081002\t老年福利\t35.00\t\t35.00',
    '2210201\t住房公积金\t10.00\t10.00\t',
    '',
    '九、财政拨款“三公”经费支出决算表',
    '金额单位：万元',
    '预算数\t\t\t\t\t\t决算数\t\t\t\t\t',
    '合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费',
    '\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t',
    '1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12',
    `1.50\t0.00\t0.00\t0.00\t0.00\t1.50\t${reception}\t0.00\t0.00\t0.00\t0.00\t${reception}`,
    '',
    '第三部分 部门决算情况说明',
    '',
    '三、支出决算情况说明',
    '',
    `${year} 年度支出合计 135.00 万元,其中:基本支出 100.00 万元,占 ${share}%;项目支出 35.00 万元,占 25.93%。`,
    '',
  ].join('\n');
}
