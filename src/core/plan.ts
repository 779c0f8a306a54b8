import { isIsoDate } from './dates';
import type { Checkin, Config, Gonogo, Release, Rollback, Team } from './schemas';
import { SourceFile } from './source';
import { CHECKINS_DIR, CONFIG_FILE, GONOGO_DIR, RELEASE_FILE, ROLLBACK_FILE, TEAM_FILE, type Finding, type PlanFiles } from './types';
import { validate, type Loose } from './validate';

/** A file that parsed: its source (for ranges) and its data with invalid values removed. */
export interface Loaded<T> {
  source: SourceFile;
  data: Loose<T>;
}

/** A dated file such as `checkins/2026-12-01.yaml`. */
export interface Dated<T> extends Loaded<T> {
  date: string;
}

/**
 * Everything in one `.release/` folder. A file that is absent is `undefined`; a file that is
 * present but could not be parsed is in `unreadable` and its rules are skipped (its syntax
 * findings say why), so a typo never turns into a wave of "missing" findings.
 */
export interface Plan {
  release?: Loaded<Release>;
  rollback?: Loaded<Rollback>;
  team?: Loaded<Team>;
  config: Loose<Config>;
  checkins: Dated<Checkin>[];
  gonogos: Dated<Gonogo>[];
  present: ReadonlySet<string>;
  unreadable: ReadonlySet<string>;
  /** Findings of parsing and schema validation. */
  fileFindings: Finding[];
}

export function loadPlan(files: PlanFiles): Plan {
  const fileFindings: Finding[] = [];
  const unreadable = new Set<string>();

  function load<K extends Parameters<typeof validate>[1]>(path: string, kind: K) {
    const text = files.get(path);
    if (text === undefined) return undefined;
    const source = new SourceFile(path, text);
    fileFindings.push(...source.parseFindings);
    if (!source.parsed) {
      unreadable.add(path);
      return undefined;
    }
    const { data, findings } = validate(source, kind);
    fileFindings.push(...findings);
    return { source, data };
  }

  function loadDated<K extends 'checkin' | 'gonogo'>(dir: string, kind: K) {
    const out = [];
    for (const path of [...files.keys()].filter((p) => p.startsWith(`${dir}/`)).sort()) {
      const name = path.slice(dir.length + 1);
      if (!/\.ya?ml$/.test(name) || name.includes('/')) continue;
      const date = name.replace(/\.ya?ml$/, '');
      const loaded = load(path, kind);
      if (!isIsoDate(date)) {
        const source = loaded?.source ?? new SourceFile(path, files.get(path) ?? '');
        fileFindings.push(source.finding(source.rangeFor([]), 'warning', 'date-invalid', `This file's name must be a date, YYYY-MM-DD.yaml (e.g. 2026-12-01.yaml), so it can be ordered; it is ignored.`));
        continue;
      }
      if (loaded) out.push({ ...loaded, date });
    }
    return out;
  }

  const plan: Plan = {
    release: load(RELEASE_FILE, 'release'),
    rollback: load(ROLLBACK_FILE, 'rollback'),
    team: load(TEAM_FILE, 'team'),
    config: load(CONFIG_FILE, 'config')?.data ?? {},
    checkins: loadDated(CHECKINS_DIR, 'checkin'),
    gonogos: loadDated(GONOGO_DIR, 'gonogo'),
    present: new Set(files.keys()),
    unreadable,
    fileFindings,
  };
  return plan;
}
