import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { Ledger } from '../../../shared/api/wellbeing';
import { ChartFigure } from './ChartFigure';
import { dayRows, durationTicks, formatDuration, HOUR_MS, longDayLabel, weekLabel, weekRows, type DayRow, type WeekRow } from './ledgerFormat';

// Calm hues that read on light and dark backgrounds alike; off-duty work is the warm one.
const COLORS = { onDuty: '#4f7ddb', offDuty: '#e08a3c', peeks: '#8a6fd1', hostile: '#b55d7a' };
// React sets these through the DOM's style object, which the strict CSP allows (no style attribute in HTML).
const TOOLTIP_STYLE = { background: 'var(--panel)', border: '1px solid var(--line)', borderRadius: 6, color: 'var(--text)' };
// Legend and tooltip list series in the order the bars are drawn, not sorted by name (which differs between languages).
const KEEP_BAR_ORDER = () => 0;

/** What the three charts share: sizing by CSS, a name and description for assistive technology, locale-aware numbers. */
function useChartKit(locale: string) {
  const { t } = useTranslation();
  const count = new Intl.NumberFormat(locale);
  const isAnimated = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  return {
    t,
    count: (value: number) => count.format(value),
    duration: (hours: number) => formatDuration(hours * HOUR_MS, locale),
    chart: (title: string) => ({ responsive: true, role: 'img', title, desc: t('wellbeing.charts.description'), margin: { top: 8, right: 8, bottom: 0, left: 0 }, className: 'ledger-chart-svg' }),
    bar: { isAnimationActive: isAnimated },
    tooltip: (format: (value: number) => string) => (
      <Tooltip
        contentStyle={TOOLTIP_STYLE}
        separator={t('wellbeing.charts.separator')}
        itemSorter={KEEP_BAR_ORDER}
        isAnimationActive={false}
        formatter={(value) => (typeof value === 'number' ? format(value) : value)}
      />
    ),
    countAxis: <YAxis allowDecimals={false} width={40} tickFormatter={(value: number) => count.format(value)} />,
    legend: <Legend itemSorter={null} />,
  };
}

function TimeChart({ days, locale }: { days: DayRow[]; locale: string }) {
  const { t, duration, chart, bar, tooltip, legend } = useChartKit(locale);
  const [title, onDuty, offDuty] = [t('wellbeing.charts.time'), t('wellbeing.charts.onDuty'), t('wellbeing.charts.offDuty')];
  const rows = days.map((day) => ({ key: day.date, header: longDayLabel(day.date, locale), cells: [duration(day.onDutyHours), duration(day.offDutyHours)] }));
  // Our own ticks: the library's "nice" numbers are decimal hours (0.1, 0.1, 0.2… once rounded).
  const ticks = durationTicks(Math.max(0, ...days.map((day) => (day.onDutyHours + day.offDutyHours) * HOUR_MS))).map((ms) => ms / HOUR_MS);
  return (
    <ChartFigure id="chart-time" title={title} table={{ columns: [t('wellbeing.charts.day'), onDuty, offDuty], rows }}>
      <BarChart {...chart(title)} data={days}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="label" tickLine={false} />
        <YAxis width={72} ticks={ticks} domain={[0, ticks[ticks.length - 1] ?? 0]} interval={0} tickFormatter={duration} />
        {tooltip(duration)}
        {legend}
        <Bar dataKey="onDutyHours" name={onDuty} stackId="time" fill={COLORS.onDuty} {...bar} />
        <Bar dataKey="offDutyHours" name={offDuty} stackId="time" fill={COLORS.offDuty} {...bar} />
      </BarChart>
    </ChartFigure>
  );
}

function OffHoursChart({ weeks, locale }: { weeks: WeekRow[]; locale: string }) {
  const { t, count, chart, bar, tooltip, countAxis, legend } = useChartKit(locale);
  const [title, peeks, replies] = [t('wellbeing.charts.offHours'), t('wellbeing.charts.peeks'), t('wellbeing.charts.replies')];
  const rows = weeks.map((week) => ({ key: week.date, header: t('wellbeing.charts.weekOf', { date: weekLabel(week.date, locale) }), cells: [count(week.peeks), count(week.offDutyReplies)] }));
  return (
    <ChartFigure id="chart-off-hours" title={title} table={{ columns: [t('wellbeing.charts.week'), peeks, replies], rows }}>
      <BarChart {...chart(title)} data={weeks}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="label" tickLine={false} />
        {countAxis}
        {tooltip(count)}
        {legend}
        <Bar dataKey="peeks" name={peeks} fill={COLORS.peeks} {...bar} />
        <Bar dataKey="offDutyReplies" name={replies} fill={COLORS.offDuty} {...bar} />
      </BarChart>
    </ChartFigure>
  );
}

function HostileChart({ days, locale }: { days: DayRow[]; locale: string }) {
  const { t, count, chart, bar, tooltip, countAxis } = useChartKit(locale);
  const [title, revealed] = [t('wellbeing.charts.hostile'), t('wellbeing.charts.revealed')];
  const rows = days.map((day) => ({ key: day.date, header: longDayLabel(day.date, locale), cells: [count(day.hostileRevealed)] }));
  return (
    <ChartFigure id="chart-hostile" title={title} table={{ columns: [t('wellbeing.charts.day'), revealed], rows }}>
      <BarChart {...chart(title)} data={days}>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="label" tickLine={false} />
        {countAxis}
        {tooltip(count)}
        <Bar dataKey="hostileRevealed" name={revealed} fill={COLORS.hostile} {...bar} />
      </BarChart>
    </ChartFigure>
  );
}

/** Time in the app per day (on and off duty), peeks and replies off duty per week, hostile messages revealed per day. */
export function LedgerCharts({ ledger, locale }: { ledger: Ledger; locale: string }) {
  const days = dayRows(ledger, locale);
  return (
    <div className="ledger-charts">
      <TimeChart days={days} locale={locale} />
      <OffHoursChart weeks={weekRows(ledger, locale)} locale={locale} />
      <HostileChart days={days} locale={locale} />
    </div>
  );
}
