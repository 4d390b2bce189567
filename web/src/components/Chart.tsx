import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/** One ECharts chart, SVG renderer (crisp in print and screenshots). */
export function Chart({ option, testId }: { option: EChartsOption; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option });
    const onResize = () => chart.resize();
    addEventListener('resize', onResize);
    return () => { removeEventListener('resize', onResize); chart.dispose(); };
  }, [option]);
  return <div className="chart" ref={el} data-testid={testId} />;
}
