import type { Alarm, AlarmAnnotation } from './alarm.js';

/** Adds an annotation, replacing one of the same kind and key (so repeats do not pile up). */
export function withAnnotation(alarm: Alarm, annotation: AlarmAnnotation): Alarm {
  const others = alarm.annotations.filter((a) => !(a.kind === annotation.kind && a.key === annotation.key));
  return { ...alarm, annotations: [...others, annotation] };
}

export function withoutAnnotations(alarm: Alarm, kind: AlarmAnnotation['kind']): Alarm {
  if (!alarm.annotations.some((a) => a.kind === kind)) return alarm;
  return { ...alarm, annotations: alarm.annotations.filter((a) => a.kind !== kind) };
}
