// Whether a plan task calls for 科技志愿服务: read from the task's own words
// (title, text, section headings) with the importer's vocabulary. Pure.
import { VOLUNTEER_SERVICE_KEYWORDS } from '../../importer/vocabulary';

export interface TaskWords {
  title: string;
  text: string;
  sectionPath: readonly string[];
}

/** The first volunteer-service keyword the task uses, or null when it asks for none. */
export function volunteerKeywordOf(task: TaskWords): string | null {
  const texts = [task.title, task.text, ...task.sectionPath];
  for (const keyword of VOLUNTEER_SERVICE_KEYWORDS) if (texts.some((text) => text.includes(keyword))) return keyword;
  return null;
}

export function needsVolunteers(task: TaskWords): boolean {
  return volunteerKeywordOf(task) !== null;
}
