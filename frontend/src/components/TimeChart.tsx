// A time chart on uPlot (a small canvas chart library): one line per series, UTC days on the x axis,
// resized with its container. The figures are also in a table for screen readers.
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export const SERIES_COLORS = ["#3730a3", "#0ea5e9", "#f59e0b", "#10b981", "#ef4444", "#a855f7", "#64748b"];

export function TimeChart({
  x,
  series,
  height = 260,
  label,
}: {
  x: number[];
  series: { label: string; values: number[] }[];
  height?: number;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const width = () => Math.max(element.clientWidth, 200);
    const chart = new uPlot(
      {
        width: width(),
        height,
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), "Etc/UTC"),
        scales: { y: { range: (_u, _min, max) => [0, Math.max(max, 4)] } },
        axes: [
          { stroke: "#475569" },
          { stroke: "#475569", values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : "")) },
        ],
        series: [
          { value: "{YYYY}-{MM}-{DD}" },
          ...series.map((s, index) => ({
            label: s.label,
            stroke: SERIES_COLORS[index % SERIES_COLORS.length],
            width: index === 0 ? 2.5 : 1.5,
            dash: index === 0 ? undefined : [4, 3],
            points: { show: x.length <= 62 },
          })),
        ],
        legend: { live: false },
      },
      [x, ...series.map((s) => s.values)],
      element,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [x, series, height]);
  return (
    <figure>
      <div ref={box} aria-hidden className="w-full overflow-hidden" />
      <figcaption className="sr-only">{label}</figcaption>
    </figure>
  );
}
