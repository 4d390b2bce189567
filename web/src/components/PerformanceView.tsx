/** The 绩效自评 tables of a document: funding and 执行率, indicators with targets, results and scores, total and grade. */
import type { Cell } from '../../../src/model/index';
import type { PerformanceEvaluation } from '../../../src/model/performance';
import type { Marks } from './TablesView';

const txt = (c: Cell | undefined) => (c && c.value.kind !== 'blank' ? c.text : '');
const KIND_ZH = { project: '项目支出绩效自评表', department: '部门整体支出绩效自评表', summary: '绩效自评情况汇总' } as const;

function gradeClass(g: string): string {
  if (/优/.test(g)) return 'grade-a';
  if (/良/.test(g)) return 'grade-b';
  if (/中/.test(g)) return 'grade-c';
  if (/差/.test(g)) return 'grade-d';
  return '';
}

export function PerformanceView({ evaluations, marks }: { evaluations: PerformanceEvaluation[]; marks: Marks }) {
  if (!evaluations.length) return <div className="panel" data-testid="performance"><p>本文件没有绩效自评表。</p></div>;
  const summary = evaluations.filter((e) => e.kind === 'summary');
  const full = evaluations.filter((e) => e.kind !== 'summary');
  const hl = (line: number | undefined) => (line !== undefined && marks.cells.has(line) ? 'hl' : '');
  return (
    <div data-testid="performance">
      <div className="panel">
        <h2>绩效自评一览</h2>
        <table className="grid" data-testid="performance-overview">
          <thead><tr><th>项目</th><th>类型</th><th>全年预算数</th><th>全年执行数</th><th>执行率</th><th>指标数</th><th>总分</th><th>自评等级</th></tr></thead>
          <tbody>
            {evaluations.map((e) => {
              const total = e.funding.find((f) => f.key === 'total') ?? e.funding[0];
              const grade = txt(e.grade);
              return (
                <tr key={e.id}>
                  <td>{e.project}</td><td>{e.basicData ? '基础数据表' : KIND_ZH[e.kind]}</td>
                  <td className="num">{txt(total?.annualBudget)}</td><td className="num">{txt(total?.executed)}</td>
                  <td className="num">{txt(total?.rate)}{total?.rate && !/%/.test(total.rate.text) ? '%' : ''}</td>
                  <td className="num">{e.indicators.length || ''}</td>
                  <td className="num">{txt(e.totalScore)}</td>
                  <td><span className={`grade ${gradeClass(grade)}`}>{grade}</span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {summary.length > 0 && <p className="muted">其中 {summary.length} 项来自绩效自评情况汇总表（只有得分和等级）。</p>}
      </div>
      {full.map((e) => (
        <div className="panel" key={e.id} data-testid="performance-table">
          <h2>{e.title || KIND_ZH[e.kind]} <small>{e.project}{e.unit ? `（金额单位：${e.unit}）` : ''}</small></h2>
          {(e.department || e.implementer) && <p className="muted">{e.department && `主管部门：${e.department}`} {e.implementer && `实施单位：${e.implementer}`}</p>}
          {e.funding.length > 0 && (
            <table className="grid">
              <thead><tr><th>项目资金</th><th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>分值</th><th>执行率</th><th>得分</th></tr></thead>
              <tbody>{e.funding.map((f, i) => (
                <tr key={i} className={hl(f.prov.line)}><td>{f.label}</td><td className="num">{txt(f.initialBudget)}</td><td className="num">{txt(f.annualBudget)}</td>
                  <td className="num">{txt(f.executed)}</td><td className="num">{txt(f.weight)}</td><td className="num">{txt(f.rate)}</td><td className="num">{txt(f.score)}</td></tr>
              ))}</tbody>
            </table>
          )}
          {e.indicators.length > 0 && (
            <table className="grid indicators">
              <thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th><th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因</th></tr></thead>
              <tbody>{e.indicators.map((r, i) => (
                <tr key={i} className={hl(r.prov.line)}>
                  <td>{r.level1}</td><td>{r.level2}</td><td>{r.level3}</td>
                  <td>{txt(r.target)}{r.unitText ? ` ${r.unitText}` : ''}</td><td>{txt(r.actual)}</td>
                  <td className="num">{txt(r.weight)}</td><td className="num">{txt(r.score)}</td><td><small>{r.deviation}</small></td>
                </tr>
              ))}</tbody>
            </table>
          )}
          <p>
            总分：<strong data-testid="performance-score">{txt(e.totalScore) || '—'}</strong>{e.totalWeight ? ` / ${txt(e.totalWeight)}` : ''}
            {' · '}自评等级：<span className={`grade ${gradeClass(txt(e.grade))}`}>{txt(e.grade) || '—'}</span>
            {e.filledDate && <> · 填报时间：{e.filledDate.text}</>}
          </p>
          {e.extraRows && e.basicData && (
            <table className="grid"><tbody>{e.extraRows.map((r, i) => <tr key={i}><td>{r.label}</td>{r.cells.map((c, j) => <td key={j}>{txt(c)}</td>)}</tr>)}</tbody></table>
          )}
        </div>
      ))}
    </div>
  );
}
